import { Hono } from 'hono';
import { activateCheckout } from '../billing/activateCheckout';
import { activateRequestSchema } from '../../contract/schemas/activateSchemas';
import type { ActivateResponse } from '../../contract/types';
import type { ApiEnv, RouteContext } from './RouteContext';
import { jsonBody } from './validation';

/** `POST /api/v1/billing/activate` with a user token or the server API key. */
export function activateRoutes(ctx: RouteContext) {
  return new Hono<ApiEnv>().post('/activate', jsonBody(activateRequestSchema), async (c) => {
    const body = c.req.valid('json');
    const caller = c.get('caller');
    return c.json<ActivateResponse, 200>(await activateCheckout(ctx, body.session_id, c.get('apiKey') ? null : (caller?.subject ?? null)), 200);
  });
}
