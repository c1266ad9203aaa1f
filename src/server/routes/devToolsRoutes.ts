import { Hono } from 'hono';
import { devCardRequestSchema, devEventsQuerySchema, devTokenRequestSchema } from '../../contract/schemas/devSchemas';
import { callerOf } from '../auth/authMiddleware';
import { mintDevToken } from '../auth/mintDevToken';
import { wireLifecycleEvent } from '../billing/events';
import { listPayments, payInvoiceNow, setTestCard, voidInvoice, type DevInvoiceOutcome } from '../billing/devActions';
import { iso } from '../billing/time';
import { toWireInvoice, toWireSubscription } from '../billing/wire';
import { ProxyError } from '../errors';
import type { PaymentMethodRecord } from '../store/records';
import type { ApiEnv, RouteContext } from './RouteContext';
import { parse, pathParam, readJson } from './validation';

/** How long a token from `POST /api/dev/token` lives: a working day is plenty for a dev page. */
const DEV_TOKEN_SECONDS = 24 * 3600;

const wireCard = (m: PaymentMethodRecord | null) =>
  m ? { brand: m.brand, last4: m.last4, exp_month: m.exp_month, exp_year: m.exp_year } : null;

const wireOutcome = (outcome: DevInvoiceOutcome) => ({
  invoice: toWireInvoice(outcome.invoice),
  subscription: outcome.subscription ? toWireSubscription(outcome.subscription) : null,
  events: outcome.events.map(wireLifecycleEvent),
});

/**
 * The dev tools' endpoints beside the dev clock (dev mode only; mounted under `/api/dev`
 * behind the token check), for `<BillingDevtools/>`:
 * - `POST /token` `{ user, org? }` → `{ token, expires_at }`: a dev session token for any subject;
 * - `GET /payment-method`, `POST /payment-method` `{ card: "failing" | "paying" }` → `{ payment_method }`;
 * - `POST /invoices/:id/pay`, `POST /invoices/:id/void` → `{ invoice, subscription, events }`;
 * - `GET /events?limit=` → `{ webhooks, events }`: the caller's webhook events, newest first.
 *
 * `tokenSecret` is the HS256 dev key session tokens are checked with; null makes `POST /token`
 * a 404: with `--jwks-url` the proxy cannot sign for the identity provider, and with a real
 * `--jwt-secret` (`--dev-clock` alone) it must not sign tokens for any subject.
 */
export function devToolsRoutes(ctx: RouteContext, options: { tokenSecret: string | null; webhookUrl: boolean; realNow: () => Date }) {
  return new Hono<ApiEnv>()
    .post('/token', async (c) => {
      const body = parse(devTokenRequestSchema, await readJson(c));
      if (!options.tokenSecret) {
        throw new ProxyError(404, 'not_found', 'Dev tokens are only minted with the dev keys (no --jwt-secret / --jwks-url).');
      }
      // Token expiry is checked against real time, not the dev clock.
      const now = options.realNow();
      const token = await mintDevToken({
        secret: options.tokenSecret,
        user: body.user,
        ...(body.org ? { org: body.org } : {}),
        expiresIn: DEV_TOKEN_SECONDS,
        now,
      });
      const subject = body.org ? { kind: 'org', id: body.org } : { kind: 'user', id: body.user };
      return c.json({ token, subject, expires_at: iso(new Date(now.getTime() + DEV_TOKEN_SECONDS * 1000)) }, 201);
    })
    .get('/payment-method', async (c) => {
      const method = await ctx.store.getPaymentMethod(callerOf(c).subject);
      return c.json({ payment_method: wireCard(method) });
    })
    .post('/payment-method', async (c) => {
      const body = parse(devCardRequestSchema, await readJson(c));
      const method = await setTestCard(ctx, callerOf(c).subject, body.card);
      return c.json({ payment_method: wireCard(method) });
    })
    .post('/invoices/:id/pay', async (c) => {
      const outcome = await payInvoiceNow(ctx, callerOf(c).subject, pathParam(c, 'id'));
      return c.json(wireOutcome(outcome));
    })
    .post('/invoices/:id/void', async (c) => {
      const outcome = await voidInvoice(ctx, callerOf(c).subject, pathParam(c, 'id'));
      return c.json(wireOutcome(outcome));
    })
    .get('/payments', async (c) => {
      const query = parse(devEventsQuerySchema, { limit: c.req.query('limit') });
      return c.json({ payments: await listPayments(ctx, callerOf(c).subject, query.limit ?? 50) });
    })
    .get('/events', async (c) => {
      const query = parse(devEventsQuerySchema, { limit: c.req.query('limit') });
      const rows = await ctx.store.listSubjectWebhookEvents(callerOf(c).subject, query.limit ?? 50);
      return c.json({
        webhooks: options.webhookUrl,
        events: rows.map((r) => ({
          id: r.id,
          type: r.type,
          created_at: iso(r.created_at),
          delivery: {
            // Without --webhook-url events are recorded for the dev tools but never sent.
            status: !options.webhookUrl ? 'not_sent' : r.status === 'done' ? 'delivered' : r.last_error ? 'retrying' : 'pending',
            attempts: r.attempts,
            last_error: r.last_error,
            delivered_at: r.done_at ? iso(r.done_at) : null,
          },
          payload: JSON.parse(r.payload) as unknown,
        })),
      });
    });
}
