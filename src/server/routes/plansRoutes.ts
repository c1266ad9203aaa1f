import { Hono } from 'hono';
import type { PlansResponse } from '../../contract/types';
import { listPlans } from '../billing/plans';
import type { ApiEnv, RouteContext } from './RouteContext';

/**
 * `GET /plans`: public plans and their prices, in display order; with a user's session
 * token each plan says whether that subject may start its trial (`trial_eligible`).
 */
export function plansRoutes(ctx: RouteContext) {
  return new Hono<ApiEnv>().get('/plans', async (c) => c.json<PlansResponse, 200>({ plans: await listPlans(ctx, c.get('caller')?.subject) }, 200));
}
