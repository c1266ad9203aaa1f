import type { Context, Env, MiddlewareHandler } from 'hono';
import { validator } from 'hono/validator';
import { z } from 'zod';
import { ProxyError } from '../errors';

/**
 * Validation at the route edge: a zod failure becomes a 400 naming the parameter,
 * `parameter_missing` when it is absent and `parameter_invalid` otherwise.
 */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) {
    assertStorable(result.data);
    return result.data;
  }
  const issue = result.error.issues[0]!;
  const param = issue.path.map(String).join('.') || undefined;
  let value: unknown = input;
  for (const key of issue.path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
  // An absent enum or literal field fails as `invalid_value`, any other absent field as `invalid_type`.
  const missing = value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
  return throwError(
    new ProxyError(
      400,
      missing ? 'parameter_missing' : 'parameter_invalid',
      missing ? `Missing required parameter: ${param}.` : `Invalid ${param ?? 'request'}: ${issue.message}`,
      param,
    ),
  );
}

/**
 * Why a string cannot be taken as input, or null when it can: PostgreSQL `text` refuses
 * NUL (a 500 deep in the store), other C0/C1 controls and DEL have no business in ids,
 * codes or URLs (CR/LF would split a redirect header), and a lone UTF-16 surrogate cannot
 * be encoded as UTF-8 at all.
 */
export function unstorableReason(value: string): string | null {
  if (UNSTORABLE_CONTROL.test(value)) return 'must not contain NUL or other control characters.';
  if (LONE_SURROGATE.test(value)) return 'must not contain unpaired surrogates (invalid Unicode).';
  return null;
}

// C0 controls (NUL, CR, LF, TAB, ...), DEL and C1 controls: matching them is the point.
// eslint-disable-next-line no-control-regex
const UNSTORABLE_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Refuses (400 `parameter_invalid`, naming the parameter by its path) any string in an
 * already-parsed input that the store could not hold; {@link parse} runs it on every body
 * and query it accepts, so no route can pass such a string on.
 */
export function assertStorable(value: unknown, path: string[] = []): void {
  if (typeof value === 'string') {
    const reason = unstorableReason(value);
    if (reason) {
      const param = path.join('.') || undefined;
      throw new ProxyError(400, 'parameter_invalid', `Invalid ${param ?? 'request'}: ${reason}`, param);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => assertStorable(item, [...path, String(i)]));
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) assertStorable(item, [...path, key]);
  }
}

/** A path parameter of the route, refused like a body field when the store could not hold it. */
export function pathParam(c: { req: { param(name: string): string | undefined } }, name: string): string {
  const value = c.req.param(name) ?? '';
  assertStorable(value, [name]);
  return value;
}

/** A request header that is stored (e.g. `Idempotency-Key`), refused like a body field when unstorable. */
export function storableHeader(c: Context, name: string): string | undefined {
  const value = c.req.header(name);
  if (value !== undefined) assertStorable(value, [name]);
  return value;
}

function throwError(error: ProxyError): never {
  throw error;
}

/**
 * Reads a JSON object body. An empty body is `{}` (so optional-only bodies may be left
 * out); a body that is not `application/json` is a 415, malformed JSON or a non-object a 400.
 */
export async function readJson(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new ProxyError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ProxyError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ProxyError(400, 'invalid_json', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

/**
 * What a validated JSON body adds to a route's type, as Hono's `validator('json', …)`
 * declares it: the body a client sends (`in`, so `hc<ProxyAppType>` and the client's type
 * test see it) and the one the route reads with `c.req.valid('json')` (`out`).
 */
export type JsonInput<S extends z.ZodType<object>> = { in: { json: z.input<S> }; out: { json: z.output<S> } };

/**
 * A route's JSON body, read by {@link readJson} and validated by {@link parse} (or by
 * `validate`, for a body of several shapes), before the handler runs. It is the
 * middleware Hono's `validator('json', …)` would be, with the proxy's own answers: that
 * validator parses the body itself, so it would parse it a second time after `readJson`
 * (the 512 kB usage batches), and alone it answers an empty body, malformed JSON or a
 * text body in its own words instead of `{}`, `invalid_json` and 415.
 */
export function jsonBody<S extends z.ZodType<object>, E extends Env = Env, P extends string = string>(
  schema: S,
  validate: (body: Record<string, unknown>, c: Context<E>) => z.output<S> = (body) => parse(schema, body),
): MiddlewareHandler<E, P, JsonInput<S>> {
  return async (c, next) => {
    c.req.addValidatedData('json', validate(await readJson(c), c));
    await next();
  };
}

/**
 * A route's query, validated by {@link parse} through Hono's `validator` (so the query is
 * in the route's type). Each of the schema's parameters is read once by name (the first
 * value of a repeated one), as `c.req.query(name)` reads it.
 */
export function queryOf<S extends z.ZodObject>(schema: S) {
  const names = Object.keys(schema.shape);
  return validator('query', (_query, c): z.output<S> => parse(schema, Object.fromEntries(names.map((name) => [name, c.req.query(name)]))));
}
