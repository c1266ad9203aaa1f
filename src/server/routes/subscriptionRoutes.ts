import { Hono } from 'hono';
import { cancelRequestSchema } from '../../contract/schemas/subscriptionSchemas';
import type { Entitlements, SubscriptionResponse } from '../../contract/types';
import { callerOf } from '../auth/authMiddleware';
import { requireUser } from './requireUser';
import { cancelSubscription, getSubscription, resumeSubscription } from '../billing/subscriptions';
import { getEntitlements } from '../billing/entitlements';
import type { ApiEnv, RouteContext } from './RouteContext';
import { jsonBody, readJson } from './validation';

/**
 * `GET /subscription`, `POST /subscription/cancel`, `POST /subscription/resume`, `GET /entitlements`.
 * Cancel and resume answer a `SubscriptionResponse` whose subscription is never null.
 */
export function subscriptionRoutes(ctx: RouteContext) {
  return new Hono<ApiEnv>()
    .get('/subscription', async (c) => c.json<SubscriptionResponse, 200>({ subscription: await getSubscription(ctx, callerOf(c).subject) }, 200))
    .post('/subscription/cancel', requireUser, jsonBody(cancelRequestSchema), async (c) => {
      const subject = callerOf(c).subject;
      const body = c.req.valid('json');
      return c.json({ subscription: await cancelSubscription(ctx, subject, body.at_period_end) } satisfies SubscriptionResponse, 200);
    })
    .post('/subscription/resume', async (c) => {
      const subject = callerOf(c).subject;
      await readJson(c);
      return c.json({ subscription: await resumeSubscription(ctx, subject) } satisfies SubscriptionResponse, 200);
    })
    .get('/entitlements', async (c) => c.json<Entitlements, 200>(await getEntitlements(ctx, callerOf(c).subject), 200));
}
