import { Hono } from 'hono';
import { cancelRequestSchema } from '../../contract/schemas/subscriptionSchemas';
import { callerOf } from '../auth/authMiddleware';
import { cancelSubscription, getSubscription, resumeSubscription } from '../billing/subscriptions';
import { getEntitlements } from '../billing/entitlements';
import type { ApiEnv, RouteContext } from './RouteContext';
import { parse, readJson } from './validation';

/** `GET /subscription`, `POST /subscription/cancel`, `POST /subscription/resume`, `GET /entitlements`. */
export function subscriptionRoutes(ctx: RouteContext) {
  return new Hono<ApiEnv>()
    .get('/subscription', async (c) => c.json({ subscription: await getSubscription(ctx, callerOf(c).subject) }))
    .post('/subscription/cancel', async (c) => {
      const subject = callerOf(c).subject;
      const body = parse(cancelRequestSchema, await readJson(c));
      return c.json({ subscription: await cancelSubscription(ctx, subject, body.at_period_end) });
    })
    .post('/subscription/resume', async (c) => {
      const subject = callerOf(c).subject;
      await readJson(c);
      return c.json({ subscription: await resumeSubscription(ctx, subject) });
    })
    .get('/entitlements', async (c) => c.json(await getEntitlements(ctx, callerOf(c).subject)));
}
