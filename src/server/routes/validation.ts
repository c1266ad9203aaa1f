import type { Context } from 'hono';
import { z } from 'zod';
import { ProxyError } from '../errors';

/**
 * Validation at the route edge: a zod failure becomes a 400 naming the parameter,
 * `parameter_missing` when it is absent and `parameter_invalid` otherwise.
 */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const param = issue.path.map(String).join('.') || undefined;
  let value: unknown = input;
  for (const key of issue.path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
  const missing = value === undefined && issue.code === 'invalid_type';
  return throwError(
    new ProxyError(
      400,
      missing ? 'parameter_missing' : 'parameter_invalid',
      missing ? `Missing required parameter: ${param}.` : `Invalid ${param ?? 'request'}: ${issue.message}`,
      param,
    ),
  );
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

/** A metric name: lower case, digits and underscores, starting with a letter, at most 64 characters. */
export const metricSchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'Use lower case letters, digits and _ (max 64).');
