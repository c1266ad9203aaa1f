// Writes the proxy's OpenAPI 3.1 document to dist/openapi.json, from the proxy just built
// (proxy/dist): the same document `GET /openapi.json` serves, for API tools and client
// generators that read a file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createOpenApiDocument } from '../proxy/dist/index.js';

mkdirSync('dist', { recursive: true });
writeFileSync('dist/openapi.json', `${JSON.stringify(createOpenApiDocument(), null, 2)}\n`);
