import type { Hono } from 'hono';

const BILLING = '/api/proxy/billing';

/** `METHOD /path` as the tests name an endpoint: billing paths relative to `/api/proxy/billing`. */
export const endpointName = (e: { method: string; path: string }) => `${e.method} ${e.path.startsWith(`${BILLING}/`) ? e.path.slice(BILLING.length) : e.path}`;

/** The `METHOD /path` of every route an app serves (middleware left out), by Hono's own route list. */
export function servedRoutes(app: Pick<Hono, 'routes'>): string[] {
  return [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => endpointName(r)))].sort();
}

/**
 * The served routes that a hand-kept list of a test names neither as covered nor as left
 * out on purpose: a new route fails the test until its author decides which it is.
 */
export function uncoveredRoutes(app: Pick<Hono, 'routes'>, covered: Iterable<string>, leftOut: Record<string, string> = {}): string[] {
  const known = new Set([...covered, ...Object.keys(leftOut)]);
  return servedRoutes(app).filter((route) => !known.has(route));
}
