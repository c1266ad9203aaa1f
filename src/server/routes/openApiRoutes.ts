import { Hono } from 'hono';
import { createOpenApiDocument, type OpenApiDocument } from '../openApiDocument';

/**
 * `GET /openapi.json`: the proxy's OpenAPI 3.1 document, without a token (it describes
 * the API, it holds no data), readable from any origin so API tools can load it.
 */
export function openApiRoutes() {
  // Built on the first request: it is the same for every app, and costs nothing until asked for.
  let document: OpenApiDocument | undefined;
  return new Hono().get('/openapi.json', (c) =>
    c.json((document ??= createOpenApiDocument()), 200, { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=300' }),
  );
}
