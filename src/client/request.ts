import { BillingError } from './BillingError';
import type { ErrorBody } from '../contract/types';

/** What the one request function needs from the client's options. */
export interface RequestConfig {
  getToken: () => string | null | undefined | Promise<string | null | undefined>;
  fetch: typeof fetch;
  onUnauthorized?: ((error: BillingError) => void) | undefined;
}

/** One request. `body` is sent as JSON; `query` entries that are `undefined` are left out. */
export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

function withQuery(url: string, query: RequestOptions['query']): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${url}${url.includes('?') ? '&' : '?'}${search}` : url;
}

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as ErrorBody | null)?.error;
  return typeof error === 'object' && error !== null && typeof error.code === 'string';
}

async function toBillingError(response: Response): Promise<BillingError> {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) {
    return new BillingError({
      status: response.status,
      code: body.error.code,
      message: body.error.message || response.statusText || `HTTP ${response.status}`,
      ...(body.error.param !== undefined && { param: body.error.param }),
      ...(requestId !== undefined && { requestId }),
    });
  }
  // Something between the browser and the proxy (a gateway, a dev server) answered.
  return new BillingError({
    status: response.status,
    code: `http_${response.status}`,
    message: `The billing service answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
    ...(requestId !== undefined && { requestId }),
  });
}

/**
 * The one place a browser request to the billing proxy is made: it awaits a fresh token
 * per request, sends JSON, and turns every failure into a `BillingError`. Resolves with the
 * raw `Response` of a 2xx answer; callers read it as JSON or as a file.
 */
export async function request(config: RequestConfig, url: string, init: RequestOptions = {}): Promise<Response> {
  let token: string | null | undefined;
  try {
    token = await config.getToken();
  } catch (cause) {
    // Keep "every failure is a BillingError" true when the app's token source fails.
    throw new BillingError({
      status: 0,
      code: 'token_unavailable',
      message: 'Could not get a session token for the billing service.',
      cause,
    });
  }
  const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await config.fetch(withQuery(url, init.query), {
      method: init.method ?? 'GET',
      headers,
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      ...(init.signal && { signal: init.signal }),
    });
  } catch (cause) {
    // A cancelled query must stay a cancellation, not become an error the UI shows.
    if (init.signal?.aborted) throw cause;
    throw new BillingError({
      status: 0,
      code: 'network_error',
      message: 'Could not reach the billing service. Check your connection and try again.',
      cause,
    });
  }

  if (!response.ok) {
    const error = await toBillingError(response);
    if (response.status === 401) config.onUnauthorized?.(error);
    throw error;
  }
  return response;
}

/** Reads a 2xx answer as JSON; a body that is not JSON is a `BillingError` too. */
export async function readJson<T>(response: Response): Promise<T> {
  try {
    return (await response.json()) as T;
  } catch (cause) {
    throw new BillingError({
      status: response.status,
      code: 'invalid_response',
      message: 'The billing service sent an answer that is not JSON.',
      cause,
    });
  }
}
