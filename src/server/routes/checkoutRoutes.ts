import { Hono } from 'hono';
import { z } from 'zod';
import { checkoutRequestSchema, confirmCheckoutRequestSchema, authenticateCheckoutRequestSchema } from '../../contract/schemas/checkoutSchemas';
import type { CheckoutSession, CheckoutSessionSummary } from '../../contract/types';
import { callerOf } from '../auth/authMiddleware';
import { createCheckout, loadCheckout, toCheckoutSummary, type LoadedCheckout } from '../billing/checkout';
import { authenticateCheckout, confirmCheckout } from '../billing/completeCheckout';
import { timingSafeEqual } from '../crypto/hmac';
import { ProxyError, notFound } from '../errors';
import { idempotent, sendAnswer } from './idempotent';
import { requireUser } from './requireUser';
import type { ApiEnv, RouteContext } from './RouteContext';
import { jsonBody, pathParam, storableHeader, unstorableReason } from './validation';

/**
 * An absolute http(s) URL (from an allowed origin when an allow-list is configured) that
 * is already in its WHATWG-serialised form. The proxy later puts it in a `Location`
 * header after the customer has paid, so anything a parser would change (CR/LF, spaces,
 * quotes, `<>`, non-ASCII, a missing `/` path) is refused here, at `POST /checkout`,
 * with the form to send instead, rather than failing or redirecting somewhere else then.
 * A `{CHECKOUT_SESSION_ID}` placeholder (Stripe's) may stand anywhere in it.
 */
function redirectUrl(allowedOrigins: string[] | undefined) {
  return z
    .string()
    .max(2048)
    .superRefine((value, ctx) => {
      const problem = redirectUrlProblem(value, allowedOrigins);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

const PLACEHOLDER = '{CHECKOUT_SESSION_ID}';
// Stands in for the placeholder while parsing: letters only, so no serialiser changes it.
const PLACEHOLDER_MARK = 'billkitcheckoutsessionidmark';

function redirectUrlProblem(value: string, allowedOrigins: string[] | undefined): string | null {
  const unstorable = unstorableReason(value);
  if (unstorable) return `Must be an absolute http(s) URL and ${unstorable}`;
  const input = value.split(PLACEHOLDER).join(PLACEHOLDER_MARK);
  const url = URL.canParse(input) ? new URL(input) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return 'Must be an absolute http(s) URL.';
  if (allowedOrigins && !allowedOrigins.includes(url.origin)) {
    return `Must be an absolute http(s) URL on an allowed origin (${allowedOrigins.join(', ')}).`;
  }
  if (url.href !== input) {
    const normal = url.href.split(PLACEHOLDER_MARK).join(PLACEHOLDER);
    return `Must be sent in its normalised (percent-encoded) form: ${JSON.stringify(normal)}.`;
  }
  return null;
}

function assertClientSecret(c: LoadedCheckout, secret: string): void {
  if (!timingSafeEqual(secret, c.row.client_secret)) {
    throw new ProxyError(400, 'parameter_invalid', 'client_secret does not belong to this checkout session.', 'client_secret');
  }
}

/**
 * `POST /checkout`, and for the embedded (in-page) form: `GET /checkout/:session_id`,
 * `POST /checkout/:session_id/confirm`, `POST /checkout/:session_id/authenticate`.
 * A session of another subject is a plain 404.
 */
export function checkoutRoutes(ctx: RouteContext) {
  // The contract's body, its URLs checked against this proxy's allowed origins.
  const createBody = checkoutRequestSchema.extend({
    success_url: redirectUrl(ctx.allowedOrigins),
    cancel_url: redirectUrl(ctx.allowedOrigins),
  });

  const load = async (subject: string, sessionId: string) => {
    const found = await loadCheckout(ctx, sessionId, subject);
    if (!found) throw notFound('No such checkout session.');
    return found;
  };

  return new Hono<ApiEnv>()
    .post('/checkout', requireUser, jsonBody(createBody), async (c) => {
      const caller = callerOf(c);
      const body = c.req.valid('json');
      const publicUrl = ctx.publicUrl ?? new URL(c.req.url).origin;
      return c.json<CheckoutSession, 200>(await createCheckout(ctx, caller, body, publicUrl), 200);
    })
    .get('/checkout/:session_id', async (c) => {
      const found = await load(callerOf(c).subject, pathParam(c, 'session_id'));
      return c.json<CheckoutSessionSummary, 200>(toCheckoutSummary(found), 200);
    })
    .post('/checkout/:session_id/confirm', requireUser, jsonBody(confirmCheckoutRequestSchema), async (c) => {
      const subject = callerOf(c).subject;
      const body = c.req.valid('json');
      const found = await load(subject, pathParam(c, 'session_id'));
      assertClientSecret(found, body.client_secret);
      // The processor's own key comes from the session and card (completeCheckout), not from here.
      const result = await idempotent(ctx, `checkout:${subject}`, storableHeader(c, 'Idempotency-Key'), { s: found.row.id, ...body }, () =>
        confirmCheckout(ctx, found, body.card),
      );
      return sendAnswer(c, result);
    })
    .post('/checkout/:session_id/authenticate', requireUser, jsonBody(authenticateCheckoutRequestSchema), async (c) => {
      const subject = callerOf(c).subject;
      const body = c.req.valid('json');
      const found = await load(subject, pathParam(c, 'session_id'));
      assertClientSecret(found, body.client_secret);
      const result = await idempotent(ctx, `checkout:${subject}`, storableHeader(c, 'Idempotency-Key'), { s: found.row.id, a: body.approve }, () =>
        authenticateCheckout(ctx, found, body.approve),
      );
      return sendAnswer(c, result);
    });
}
