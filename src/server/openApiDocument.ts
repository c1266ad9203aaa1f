import { z } from 'zod';
import { errorBodySchema } from '../contract/schemas/errorSchemas';
import { wireSchemas } from '../contract/schemas/wireSchemas';
import { ENDPOINTS, type Endpoint, type EndpointAuth, type ErrorStatus } from './routes/endpoints';

/** An OpenAPI 3.1 document, as plain JSON. */
export type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
} & Record<string, unknown>;

type JsonSchema = Record<string, unknown>;

const COMPONENT = '#/components/schemas/';
const VERSION = '0.1.0';

/** The security requirement of each kind of caller (empty: none). */
const SECURITY: Record<EndpointAuth, Record<string, string[]>[]> = {
  session: [{ sessionToken: [] }],
  session_or_api_key: [{ sessionToken: [] }, { apiKey: [] }],
  signed_path: [],
  stripe_signature: [{ stripeSignature: [] }],
  none: [],
};

const STANDARD_ERRORS: Record<ErrorStatus, string> = {
  400: 'Bad request: a missing (`parameter_missing`) or invalid (`parameter_invalid`) parameter, named by `param`; malformed JSON (`invalid_json`).',
  401: 'No valid session token (`unauthorized`).',
  402: 'The payment was declined.',
  403: 'Forbidden.',
  404: 'Not found (`not_found`).',
  409: 'Conflict with the current state.',
  413: 'The body is larger than the limit (`payload_too_large`: 64 kB, 512 kB for POST /usage).',
  415: 'The body is not application/json (`unsupported_media_type`).',
  429: 'A usage limit reached (`usage_limit_exceeded`).',
  502: 'The payment processor is unavailable.',
  503: 'Not configured.',
};

const toJsonSchema = (schema: z.ZodType): JsonSchema =>
  strip(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema);

/** Drops the keywords that belong to a standalone JSON Schema document, not to an embedded one. */
function strip({ $schema: _schema, $id: _id, ...rest }: JsonSchema): JsonSchema {
  return rest;
}

/** A `$ref` to a named wire schema; a schema without a name has no place in the document. */
function ref(schema: z.ZodType, where: string): JsonSchema {
  const meta = wireSchemas.get(schema);
  if (!meta) throw new Error(`${where}: register its schema in wireSchemas (src/contract/schemas) so it has a component name.`);
  return { $ref: `${COMPONENT}${meta.id}` };
}

/** `/a/:id/b` → `/a/{id}/b`. */
export const openApiPath = (honoPath: string) => honoPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');

function parameters(endpoint: Endpoint): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [['path', endpoint.params], ['query', endpoint.query]] as const) {
    if (!schema) continue;
    const json = toJsonSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, { description, ...property }] of Object.entries(json.properties ?? {})) {
      list.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: property,
      });
    }
  }
  if (endpoint.idempotencyKey) {
    list.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Replays the first answer of a request with this key (a decline included); reused with another body it is a 400.',
      schema: { type: 'string', maxLength: 255 },
    });
  }
  return list;
}

function successResponse(endpoint: Endpoint, where: string): JsonSchema {
  const { answer } = endpoint;
  if (answer.redirect) return { description: answer.description, headers: { Location: { schema: { type: 'string' } } } };
  if (answer.pdf) {
    return {
      description: answer.description,
      headers: { 'Content-Disposition': { schema: { type: 'string' }, description: 'attachment; filename="invoice_{id}.pdf"' } },
      content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } },
    };
  }
  if (answer.html) return { description: answer.description, content: { 'text/html': { schema: { type: 'string' } } } };
  return { description: answer.description, content: { 'application/json': { schema: answer.schema ? ref(answer.schema, where) : { type: 'object' } } } };
}

function operation(endpoint: Endpoint): JsonSchema {
  const where = `${endpoint.method} ${endpoint.path}`;
  const errors: Partial<Record<ErrorStatus, string>> = {
    ...(endpoint.auth === 'session' || endpoint.auth === 'session_or_api_key' ? { 401: STANDARD_ERRORS[401] } : {}),
    ...(endpoint.body && !endpoint.body.form ? { 400: STANDARD_ERRORS[400], 413: STANDARD_ERRORS[413], 415: STANDARD_ERRORS[415] } : {}),
    ...(endpoint.body?.form ? { 413: STANDARD_ERRORS[413] } : {}),
    ...((endpoint.query ? { 400: STANDARD_ERRORS[400] } : {})),
  };
  for (const [status, description] of Object.entries(endpoint.errors)) {
    const standard = errors[Number(status) as ErrorStatus];
    errors[Number(status) as ErrorStatus] = standard ? `${description} ${standard}` : description;
  }
  const responses: Record<string, JsonSchema> = { [String(endpoint.answer.status)]: successResponse(endpoint, where) };
  for (const [status, description] of Object.entries(endpoint.pages ?? {})) {
    responses[status] = { description, content: { 'text/html': { schema: { type: 'string' } } } };
  }
  for (const [status, description] of Object.entries(errors).sort(([a], [b]) => Number(a) - Number(b))) {
    responses[status] = { $ref: `#/components/responses/Error${status}`, description };
  }
  const params = parameters(endpoint);
  return {
    operationId: operationId(endpoint),
    summary: endpoint.summary,
    tags: [endpoint.tag],
    security: SECURITY[endpoint.auth],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(endpoint.body
      ? {
          requestBody: {
            required: endpoint.body.required,
            content: { [endpoint.body.form ? 'application/x-www-form-urlencoded' : 'application/json']: { schema: ref(endpoint.body.schema, where) } },
          },
        }
      : {}),
    responses,
    ...(endpoint.mounted === 'always' ? {} : { 'x-billkit-mounted': endpoint.mounted === 'dev' ? 'dev mode or --dev-clock only' : 'with the Stripe processor only' }),
  };
}

/** `POST /api/proxy/billing/subscription/cancel` → `postSubscriptionCancel`. */
function operationId(endpoint: Endpoint): string {
  const words = endpoint.path
    .replace(/^\/api\/proxy\/billing|^\/api\/v1\/billing|^\/api/, '')
    .split(/[/.-]/)
    .filter((word) => word !== '')
    .map((word) => (word.startsWith(':') ? `By ${word.slice(1)}` : word).replace(/_(\w)/g, (_m, c: string) => c.toUpperCase()));
  return [endpoint.method.toLowerCase(), ...words.map((word) => word.replace(/(^|\s)(\w)/g, (_m, _s, c: string) => c.toUpperCase()))].join('');
}

/**
 * Builds the proxy's OpenAPI 3.1 document from the endpoint table (routes/endpoints.ts)
 * and the wire schemas (src/contract/schemas), whose JSON Schema (draft 2020-12, the
 * dialect of OpenAPI 3.1) zod generates. Served at `GET /openapi.json`, written to
 * `dist/openapi.json` by the build.
 */
export function createOpenApiDocument(): OpenApiDocument {
  const { schemas } = z.toJSONSchema(wireSchemas, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `${COMPONENT}${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  const components = Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, strip(schema)]));
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of ENDPOINTS) {
    const path = (paths[openApiPath(endpoint.path)] ??= {});
    path[endpoint.method.toLowerCase()] = operation(endpoint);
  }
  const errorRef = ref(errorBodySchema, 'the error body');
  const responses = Object.fromEntries(
    Object.entries(STANDARD_ERRORS).map(([status, description]) => [
      `Error${status}`,
      { description, content: { 'application/json': { schema: errorRef } } },
    ]),
  );
  return {
    openapi: '3.1.1',
    info: {
      title: 'Billkit billing proxy',
      version: VERSION,
      description:
        'The reference billing proxy of Billkit. Money is in minor units; every error is `{ error: { code, message, param? } }`. ' +
        'Endpoints tagged `dev` exist only in dev mode (or with --dev-clock), `POST /webhooks/stripe` only with the Stripe processor.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/', description: 'The proxy itself (paths are absolute).' }],
    tags: [...new Set(ENDPOINTS.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      responses,
      securitySchemes: {
        sessionToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: "The user's session token (Authorization: Bearer <jwt>)." },
        apiKey: { type: 'http', scheme: 'bearer', description: 'The server API key (--api-key / BILLKIT_API_KEY), for calls from the app’s own backend.' },
        stripeSignature: { type: 'apiKey', in: 'header', name: 'Stripe-Signature', description: "Stripe's signature of the raw body." },
      },
    },
  };
}
