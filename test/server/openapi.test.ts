import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { errorBodySchema } from '../../src/contract/schemas/errorSchemas';
import { createProxyApp, type ProxyApp } from '../../src/server/app';
import { createOpenApiDocument, openApiPath, type OpenApiDocument } from '../../src/server/openApiDocument';
import { createStripeProcessor } from '../../src/server/processor/stripe';
import { ENDPOINTS } from '../../src/server/routes/endpoints';
import { openPgliteStore, type PgliteStore } from '../../src/server/store/openPgliteStore';
import { endpointName, servedRoutes } from '../helpers/endpoints';
import { as } from '../helpers/http';
import { startTestProxy, TEST_SECRETS, type TestProxy } from '../helpers/proxy';

const document = createOpenApiDocument();
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** The keywords of JSON Schema draft 2020-12 (core, applicator, validation, format, content, meta-data, unevaluated). */
const SCHEMA_KEYWORDS = new Set(
  (
    '$id $schema $ref $anchor $dynamicRef $dynamicAnchor $vocabulary $comment $defs ' +
    'allOf anyOf oneOf not if then else dependentSchemas prefixItems items contains properties patternProperties additionalProperties propertyNames ' +
    'unevaluatedItems unevaluatedProperties type enum const multipleOf maximum exclusiveMaximum minimum exclusiveMinimum maxLength minLength pattern ' +
    'maxItems minItems uniqueItems maxContains minContains maxProperties minProperties required dependentRequired format ' +
    'contentEncoding contentMediaType contentSchema title description default deprecated readOnly writeOnly examples ' +
    // OpenAPI 3.1's own additions to the dialect.
    'discriminator xml externalDocs example'
  ).split(' '),
);
/** Keywords whose value is a map of names to schemas, or a list of schemas, or one schema. */
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_ONE = ['not', 'if', 'then', 'else', 'items', 'contains', 'additionalProperties', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema'];

/** Every problem of a schema against 2020-12 (unknown keywords such as OpenAPI 3.0's `nullable`, bad types). */
function schemaProblems(schema: unknown, at: string): string[] {
  if (typeof schema === 'boolean') return [];
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return [`${at}: a schema must be an object or a boolean`];
  const problems: string[] = [];
  const s = schema as Record<string, unknown>;
  for (const key of Object.keys(s)) if (!SCHEMA_KEYWORDS.has(key) && !key.startsWith('x-')) problems.push(`${at}: unknown keyword ${key}`);
  const types = ['null', 'boolean', 'object', 'array', 'number', 'string', 'integer'];
  if (s.type !== undefined && ![s.type].flat().every((t) => types.includes(t as string))) problems.push(`${at}: bad type ${JSON.stringify(s.type)}`);
  if (s.required !== undefined && !(Array.isArray(s.required) && s.required.every((r) => typeof r === 'string'))) problems.push(`${at}: required must list names`);
  if (s.enum !== undefined && !Array.isArray(s.enum)) problems.push(`${at}: enum must be a list`);
  for (const key of SCHEMA_MAPS) {
    for (const [name, sub] of Object.entries((s[key] as Record<string, unknown> | undefined) ?? {})) problems.push(...schemaProblems(sub, `${at}/${key}/${name}`));
  }
  for (const key of SCHEMA_LISTS) {
    if (s[key] === undefined) continue;
    if (!Array.isArray(s[key])) problems.push(`${at}/${key}: must be a list`);
    else (s[key] as unknown[]).forEach((sub, i) => problems.push(...schemaProblems(sub, `${at}/${key}/${i}`)));
  }
  for (const key of SCHEMA_ONE) if (s[key] !== undefined) problems.push(...schemaProblems(s[key], `${at}/${key}`));
  return problems;
}

/** Resolves a local JSON pointer (`#/components/schemas/Plan`) in the document. */
function resolve(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), doc);
}

function refsOf(node: unknown, at = '#'): { at: string; ref: string }[] {
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [{ at, ref: value }] : refsOf(value, `${at}/${key}`),
  );
}

const operations = (doc: OpenApiDocument) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Record<string, any>>).map(([method, op]) => ({ path, method, op })),
  );

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with its info, its paths and the JSON Schema dialect of 3.1', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(typeof document.info.title).toBe('string');
    expect(typeof document.info.version).toBe('string');
    expect(document.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(document.paths).length).toBeGreaterThan(0);
    for (const path of Object.keys(document.paths)) expect(path).toMatch(/^\//);
  });

  it('has only HTTP methods as operations, each with a unique operationId, tags and responses with descriptions', () => {
    const ids = new Set<string>();
    for (const { path, method, op } of operations(document)) {
      expect(HTTP_METHODS, `${path}`).toContain(method);
      expect(op.operationId, `${method} ${path}`).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      expect(ids.has(op.operationId), `duplicate operationId ${op.operationId}`).toBe(false);
      ids.add(op.operationId);
      const statuses = Object.keys(op.responses ?? {});
      expect(statuses.length, `${method} ${path} answers nothing`).toBeGreaterThan(0);
      for (const status of statuses) {
        expect(status, `${method} ${path}`).toMatch(/^([1-5](\d\d|XX)|default)$/);
        const response = op.responses[status];
        const target = response.$ref ? resolve(document, response.$ref) : response;
        expect((target as { description?: unknown }).description, `${method} ${path} ${status}`).toEqual(expect.any(String));
      }
      for (const tag of op.tags ?? []) expect(document.tags).toContainEqual({ name: tag });
    }
  });

  it('declares every path template parameter as a required path parameter, and no other', () => {
    for (const { path, method, op } of operations(document)) {
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).filter((p: { in: string }) => p.in === 'path');
      expect(declared.map((p: { name: string }) => p.name).sort(), `${method} ${path}`).toEqual(templated.sort());
      for (const p of declared) expect(p.required, `${method} ${path} ${p.name}`).toBe(true);
      for (const p of op.parameters ?? []) {
        expect(['path', 'query', 'header', 'cookie']).toContain(p.in);
        expect(p.schema, `${method} ${path} ${p.name}`).toBeDefined();
      }
    }
  });

  it('names only declared security schemes, and a token on every /api route', () => {
    const schemes = Object.keys(document.components.securitySchemes!);
    for (const { path, method, op } of operations(document)) {
      expect(Array.isArray(op.security), `${method} ${path}`).toBe(true);
      for (const requirement of op.security) for (const name of Object.keys(requirement)) expect(schemes).toContain(name);
      if (path.startsWith('/api/')) expect(op.security.length, `${method} ${path}`).toBeGreaterThan(0);
    }
    expect(document.components.securitySchemes!.sessionToken).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });

  it('resolves every $ref inside the document', () => {
    const refs = refsOf(document);
    expect(refs.length).toBeGreaterThan(50);
    expect(refs.filter(({ ref }) => resolve(document, ref) === undefined)).toEqual([]);
  });

  it('has schemas of JSON Schema 2020-12 only (no OpenAPI 3.0 keyword such as nullable)', () => {
    const problems = Object.entries(document.components.schemas!).flatMap(([name, schema]) => schemaProblems(schema, name));
    for (const { path, method, op } of operations(document)) {
      for (const p of op.parameters ?? []) problems.push(...schemaProblems(p.schema, `${method} ${path} ${p.name}`));
    }
    expect(problems).toEqual([]);
  });

  it('documents the error body and every JSON error answer with it', () => {
    expect(document.components.schemas!.ErrorBody).toMatchObject({
      type: 'object',
      required: ['error'],
      properties: { error: { required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, param: { type: 'string' } } } },
    });
    for (const { path, method, op } of operations(document)) {
      for (const [status, response] of Object.entries(op.responses as Record<string, { $ref?: string }>)) {
        if (Number(status) >= 400 && !response.$ref) expect(path, `${method} ${path} ${status}`).toMatch(/^\/billing\/checkout\//);
      }
    }
  });

  it('is what GET /openapi.json serves, without a token', async () => {
    const proxy = await startTestProxy({ seed: 'none' });
    try {
      const res = await proxy.fetch('/openapi.json');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual(JSON.parse(JSON.stringify(document)));
    } finally {
      await proxy.close();
    }
  });
});

describe('the endpoint table and the routes the app serves', () => {
  let store: PgliteStore;
  let full: ProxyApp;
  let plain: ProxyApp;
  beforeAll(async () => {
    store = await openPgliteStore({});
    const base = { store, auth: { secret: TEST_SECRETS.jwt }, signingSecret: TEST_SECRETS.signing, lifecycle: { timer: false } };
    // Everything mounted: dev mode, and the Stripe processor (which adds POST /webhooks/stripe).
    full = createProxyApp({
      ...base,
      devMode: true,
      processor: createStripeProcessor({ secretKey: 'sk_test_unused', publishableKey: 'pk_test_unused', webhookSecret: 'whsec_unused' }),
    });
    plain = createProxyApp(base);
  });
  afterAll(async () => {
    await full.close();
    await plain.close();
    await store.close();
  });

  it('lists every route the app serves, and no route it does not', () => {
    expect(ENDPOINTS.map(endpointName).sort()).toEqual(servedRoutes(full));
  });

  it('says truly which routes need dev mode or the Stripe processor', () => {
    expect(ENDPOINTS.filter((e) => e.mounted === 'always').map(endpointName).sort()).toEqual(servedRoutes(plain));
  });

  it('is what the document describes, operation for operation', () => {
    const documented = operations(document).map(({ path, method }) => `${method.toUpperCase()} ${path}`).sort();
    expect(documented).toEqual(servedRoutes(full).map((name) => {
      const e = ENDPOINTS.find((x) => endpointName(x) === name)!;
      return `${e.method} ${openApiPath(e.path)}`;
    }).sort());
  });
});

describe('the documented answers are what the proxy sends', () => {
  let proxy: TestProxy;
  beforeAll(async () => {
    proxy = await startTestProxy();
  });
  afterAll(() => proxy.close());

  const schemaOf = (method: string, path: string): z.ZodType => ENDPOINTS.find((e) => e.method === method && e.path === path)!.answer.schema!;
  const B = '/api/proxy/billing';

  it.each([
    ['user_pro', `${B}/plans`],
    ['user_pro', `${B}/subscription`],
    ['user_trial', `${B}/subscription`],
    ['user_past_due', `${B}/subscription`],
    ['user_free', `${B}/subscription`],
    ['user_pro', `${B}/entitlements`],
    ['user_free', `${B}/entitlements`],
    ['user_pro', `${B}/invoices`],
    ['user_pro', `${B}/payment-method`],
  ])('%s: GET %s', async (user, path) => {
    const res = await as(proxy, user).get(path);
    expect(res.status).toBe(200);
    expect(schemaOf('GET', path).safeParse(res.body).error).toBeUndefined();
  });

  it('GET /usage, POST /checkout (embedded) and GET /checkout/:session_id', async () => {
    const client = as(proxy, 'user_free');
    const usage = await client.get(`${B}/usage?metric=api_calls`);
    expect(schemaOf('GET', `${B}/usage`).safeParse(usage.body).error).toBeUndefined();
    const session = await client.post(`${B}/checkout`, {
      price_id: 'price_pro_monthly',
      success_url: 'https://app.example.com/ok',
      cancel_url: 'https://app.example.com/no',
      ui_mode: 'embedded',
    });
    expect(schemaOf('POST', `${B}/checkout`).safeParse(session.body).error).toBeUndefined();
    const summary = await client.get(`${B}/checkout/${session.body.session_id}`);
    expect(schemaOf('GET', `${B}/checkout/:session_id`).safeParse(summary.body).error).toBeUndefined();
  });

  it('an error answer is the documented error body', async () => {
    const res = await as(proxy, 'user_free').post(`${B}/subscription/cancel`, {});
    expect(res.status).toBe(400);
    expect(errorBodySchema.strict().safeParse(res.body).error).toBeUndefined();
  });
});
