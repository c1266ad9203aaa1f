import { Hono } from 'hono';
import { listPlans } from '../billing/plans';
import type { ApiEnv, RouteContext } from './RouteContext';

/** `GET /plans`: public plans and their prices, in display order. */
export function plansRoutes(ctx: RouteContext) {
  return new Hono<ApiEnv>().get('/plans', async (c) => c.json({ plans: await listPlans(ctx) }));
}
