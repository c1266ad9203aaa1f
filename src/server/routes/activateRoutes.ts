import { Hono } from 'hono';
import { activateCheckout } from '../billing/activateCheckout';
import { activateRequestSchema } from '../../contract/schemas/activateSchemas';
import type { ApiEnv, RouteContext } from './RouteContext';
import { parse, readJson } from './validation';

/** `POST /api/v1/billing/activate` with a user token or the server API key. */
export function activateRoutes(ctx: RouteContext) {
  return new Hono<ApiEnv>().post('/activate', async (c) => {
    const body = parse(activateRequestSchema, await readJson(c));
    const caller = c.get('caller');
    return c.json(await activateCheckout(ctx, body.session_id, c.get('apiKey') ? null : (caller?.subject ?? null)));
  });
}
