import type { MiddlewareHandler } from 'hono';
import { callerOf } from '../auth/authMiddleware';
import type { ApiEnv } from './RouteContext';

/**
 * Refuses the API key (401, {@link callerOf}) on a route that bills the caller's own
 * subject, before its body is read: a request that is wrong in both keeps the 401.
 */
export const requireUser: MiddlewareHandler<ApiEnv> = async (c, next) => {
  callerOf(c);
  await next();
};
