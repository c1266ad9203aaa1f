import type { TestProxy } from './proxy';

/** A JSON answer: status, headers and parsed body. */
export interface JsonAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** Calls the proxy as `subject` (a user, or an org when `org` is given) and parses JSON. */
export function as(proxy: TestProxy, user: string, org?: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonAnswer> => {
    const token = await proxy.tokenFor(user, org);
    const res = await proxy.fetch(path.startsWith('/') && !path.startsWith('/api') && !path.startsWith('/billing') ? `/api/proxy/billing${path}` : path, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (PDF, HTML): keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };
  return {
    get: (path: string, headers?: Record<string, string>) => call('GET', path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => call('POST', path, body, headers),
    raw: call,
  };
}

/** A fixed clock: 2025-04-11T12:00:00Z, so the demo's user_pro period is 2025-04-01 → 2025-05-01 as in the docs. */
export const FIXED_NOW = new Date('2025-04-11T12:00:00Z');
export const fixedClock = () => new Date(FIXED_NOW);

/** The standard error body. */
export const errorBody = (code: string, param?: string) => ({
  error: { code, message: expect.any(String), ...(param ? { param } : {}) },
});
