import type { z } from 'zod';
import { activateRequestSchema, activateResponseSchema } from '../../contract/schemas/activateSchemas';
import {
  authenticateCheckoutRequestSchema,
  checkoutRequestSchema,
  checkoutSessionParamsSchema,
  checkoutSessionSchema,
  checkoutSessionSummarySchema,
  confirmCheckoutRequestSchema,
  confirmCheckoutResponseSchema,
  hostedCheckoutFormSchema,
} from '../../contract/schemas/checkoutSchemas';
import {
  devAdvanceRequestSchema,
  devAdvanceResponseSchema,
  devCardRequestSchema,
  devClockSchema,
  devEventsQuerySchema,
  devEventsResponseSchema,
  devInvoiceOutcomeSchema,
  devPaymentMethodResponseSchema,
  devTokenRequestSchema,
  devTokenResponseSchema,
} from '../../contract/schemas/devSchemas';
import { invoiceIdParamsSchema, invoicesPageSchema, invoicesQuerySchema, payInvoiceResponseSchema } from '../../contract/schemas/invoicesSchemas';
import {
  authenticatePaymentMethodSetupRequestSchema,
  confirmPaymentMethodSetupRequestSchema,
  confirmPaymentMethodSetupResponseSchema,
  paymentMethodResponseSchema,
  paymentMethodSetupSchema,
  setupParamsSchema,
} from '../../contract/schemas/paymentMethodSchemas';
import {
  planChangePreviewRequestSchema,
  planChangePreviewResponseSchema,
  planChangeRequestSchema,
} from '../../contract/schemas/planChangeSchemas';
import { plansResponseSchema } from '../../contract/schemas/plansSchemas';
import { stripeEventSchema, stripeWebhookResponseSchema } from '../../contract/schemas/stripeWebhookSchemas';
import { cancelRequestSchema, entitlementsSchema, subscriptionResponseSchema } from '../../contract/schemas/subscriptionSchemas';
import { emptyBodySchema } from '../../contract/schemas/wireSchemas';
import { recordUsageBodySchema, recordUsageResponseSchema, usageQuerySchema, usageSummarySchema } from '../../contract/schemas/usageSchemas';

/**
 * Who may call an endpoint: `session` a user's session token (JWT); `session_or_api_key`
 * that or the server API key; `signed_path` nobody but the holder of the signed session id
 * in the path (the hosted page); `stripe_signature` Stripe (the `Stripe-Signature` header);
 * `none` anyone.
 */
export type EndpointAuth = 'session' | 'session_or_api_key' | 'signed_path' | 'stripe_signature' | 'none';

/** An error status an endpoint answers with the documented error body. */
export type ErrorStatus = 400 | 401 | 402 | 403 | 404 | 409 | 413 | 415 | 502 | 503;

/** One endpoint of the proxy: what it takes, what it answers, and when it is mounted. */
export interface Endpoint {
  method: 'GET' | 'POST';
  /** The full path as Hono routes it (`/api/proxy/billing/checkout/:session_id`). */
  path: string;
  summary: string;
  tag: 'billing' | 'checkout' | 'activation' | 'hosted checkout' | 'webhooks' | 'dev' | 'meta';
  auth: EndpointAuth;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** The body; JSON unless `form`. Optional bodies may be left out (an empty body is `{}`). */
  body?: { schema: z.ZodType; required: boolean; form?: true };
  /** Paying requests: `Idempotency-Key` replays the first answer (a decline included). */
  idempotencyKey?: true;
  /** The success answer; JSON of `schema`, or `html` / `pdf` / a `redirect`. */
  answer: { status: 200 | 201 | 303; description: string; schema?: z.ZodType; html?: true; pdf?: true; redirect?: true };
  /** HTML pages answered besides the success (the hosted page shown again, with why). */
  pages?: Partial<Record<200 | 402 | 409, string>>;
  /** Documented failures beyond those every endpoint of its kind has (401 with a token, 400/413/415 with a JSON body). */
  errors: Partial<Record<ErrorStatus, string>>;
  /** Mounted always, only in dev mode / with `--dev-clock` (`dev`), or only with the Stripe processor. */
  mounted: 'always' | 'dev' | 'stripe';
}

const B = '/api/proxy/billing';
const NO_SUBSCRIPTION = 'The caller has no subscription (`no_subscription`).';
const DECLINED = 'The card was declined; the body is the error (`card_declined`, ...), and is replayed under the same Idempotency-Key.';
const PROCESSOR_DOWN = 'The payment processor could not be reached; nothing was charged.';

/**
 * Every endpoint the proxy serves, in one table: the OpenAPI document (`GET /openapi.json`,
 * `dist/openapi.json`) is generated from it, and test/server/endpoints.test.ts fails when
 * the app serves a route this table lacks (or the other way round).
 */
export const ENDPOINTS: readonly Endpoint[] = [
  {
    method: 'GET',
    path: `${B}/plans`,
    summary: 'List the public plans and their prices (hidden plans left out), in display order.',
    tag: 'billing',
    auth: 'session',
    answer: { status: 200, description: 'The plans.', schema: plansResponseSchema },
    errors: {},
    mounted: 'always',
  },
  {
    method: 'GET',
    path: `${B}/subscription`,
    summary: "The caller's subscription, or `{ subscription: null }`.",
    tag: 'billing',
    auth: 'session',
    answer: { status: 200, description: 'The subscription.', schema: subscriptionResponseSchema },
    errors: {},
    mounted: 'always',
  },
  {
    method: 'POST',
    path: `${B}/subscription/cancel`,
    summary: 'Cancel the subscription, now or at the period end; fires `subscription.canceled`.',
    tag: 'billing',
    auth: 'session',
    body: { schema: cancelRequestSchema, required: true },
    answer: { status: 200, description: 'The canceled subscription.', schema: subscriptionResponseSchema },
    errors: { 404: NO_SUBSCRIPTION, 409: 'The subscription is already canceled.' },
    mounted: 'always',
  },
  {
    method: 'POST',
    path: `${B}/subscription/resume`,
    summary: 'Undo a cancellation at period end (or a pause); fires `subscription.updated`.',
    tag: 'billing',
    auth: 'session',
    body: { schema: emptyBodySchema, required: false },
    answer: { status: 200, description: 'The resumed subscription.', schema: subscriptionResponseSchema },
    errors: { 400: 'The subscription is active and not pending cancellation.', 404: NO_SUBSCRIPTION },
    mounted: 'always',
  },
  {
    method: 'POST',
    path: `${B}/subscription/preview`,
    summary: 'Price a plan change without making it: the proration lines and what is due today.',
    tag: 'billing',
    auth: 'session',
    body: { schema: planChangePreviewRequestSchema, required: true },
    answer: { status: 200, description: 'The preview.', schema: planChangePreviewResponseSchema },
    errors: { 400: 'Unknown price, or the current one.', 404: NO_SUBSCRIPTION, 409: 'The subscription cannot change plan now (canceled, past due).' },
    mounted: 'always',
  },
  {
    method: 'POST',
    path: `${B}/subscription/change`,
    summary: 'Change plan: upgrades are charged today (prorated), downgrades wait for the period end.',
    tag: 'billing',
    auth: 'session',
    body: { schema: planChangeRequestSchema, required: true },
    idempotencyKey: true,
    answer: { status: 200, description: 'The changed subscription.', schema: subscriptionResponseSchema },
    errors: {
      400: 'Unknown price, the current one, a stale proration_date, or an Idempotency-Key reused with another body.',
      402: DECLINED,
      404: NO_SUBSCRIPTION,
      409: 'The subscription cannot change plan now, or another change is in flight.',
      502: PROCESSOR_DOWN,
    },
    mounted: 'always',
  },
  {
    method: 'GET',
    path: `${B}/entitlements`,
    summary: "The caller's plan key, status and features; `null`, `null`, `[]` without a subscription.",
    tag: 'billing',
    auth: 'session',
    answer: { status: 200, description: 'The entitlements.', schema: entitlementsSchema },
    errors: {},
    mounted: 'always',
  },
  {
    method: 'GET',
    path: `${B}/usage`,
    summary: "A metric's usage in the current period; `limit: null` is unlimited.",
    tag: 'billing',
    auth: 'session',
    query: usageQuerySchema,
    answer: { status: 200, description: 'The usage summary.', schema: usageSummarySchema },
    errors: { 400: 'A missing or malformed metric.' },
    mounted: 'always',
  },
  {
    method: 'POST',
    path: `${B}/usage`,
    summary: 'Record usage: with the server API key (naming the subject; batches of up to 1,000), or in dev mode with a session token.',
    tag: 'billing',
    auth: 'session_or_api_key',
    body: { schema: recordUsageBodySchema, required: true },
    answer: { status: 200, description: "The metric's summary after the event, or a batch's counts.", schema: recordUsageResponseSchema },
    errors: { 403: 'A session token outside dev mode, or a batch without the API key.' },
    mounted: 'always',
  },
  {
    method: 'GET',
    path: `${B}/invoices`,
    summary: "The caller's invoices, most recent first, with cursor pagination.",
    tag: 'billing',
    auth: 'session',
    query: invoicesQuerySchema,
    answer: { status: 200, description: 'A page of invoices.', schema: invoicesPageSchema },
    errors: { 400: 'A limit outside 1–100, or a starting_after that is not one of the caller’s invoices.' },
    mounted: 'always',
  },
  {
    method: 'GET',
    path: `${B}/invoices/:id/pdf`,
    summary: 'An invoice as a PDF (`Content-Disposition: attachment; filename="invoice_{id}.pdf"`).',
    tag: 'billing',
    auth: 'session',
    params: invoiceIdParamsSchema,
    answer: { status: 200, description: 'The PDF.', pdf: true },
    errors: { 404: 'No such invoice of the caller (another subject’s is answered the same).' },
    mounted: 'always',
  },
  {
    method: 'POST',
    path: `${B}/invoices/:id/pay`,
    summary: 'Pay an open invoice now with the card on file.',
    tag: 'billing',
    auth: 'session',
    params: invoiceIdParamsSchema,
    body: { schema: emptyBodySchema, required: false },
    idempotencyKey: true,
    answer: { status: 200, description: 'The paid invoice.', schema: payInvoiceResponseSchema },
    errors: {
      400: 'An Idempotency-Key reused with another body.',
      402: DECLINED,
      404: 'No such invoice of the caller.',
      409: 'The invoice is not open, or is being charged already.',
      502: PROCESSOR_DOWN,
    },
    mounted: 'always',
  },
  {
    method: 'GET',
    path: `${B}/payment-method`,
    summary: 'The card on file, or `{ payment_method: null }`.',
    tag: 'billing',
    auth: 'session',
    answer: { status: 200, description: 'The card on file.', schema: paymentMethodResponseSchema },
    errors: {},
    mounted: 'always',
  },
  {
    method: 'POST',
    path: `${B}/payment-method/setup`,
    summary: 'Start replacing the card on file (like a Stripe SetupIntent).',
    tag: 'billing',
    auth: 'session',
    body: { schema: emptyBodySchema, required: false },
    answer: { status: 200, description: 'The setup to confirm.', schema: paymentMethodSetupSchema },
    errors: { 502: PROCESSOR_DOWN },
    mounted: 'always',
  },
  {
    method: 'POST',
    path: `${B}/payment-method/setup/:setup_id/confirm`,
    summary: 'Confirm a setup: the card (test processor) or only the client secret (Stripe, after the PaymentElement).',
    tag: 'billing',
    auth: 'session',
    params: setupParamsSchema,
    body: { schema: confirmPaymentMethodSetupRequestSchema, required: true },
    idempotencyKey: true,
    answer: { status: 200, description: 'The attached card, or a 3-D Secure challenge.', schema: confirmPaymentMethodSetupResponseSchema },
    errors: { 400: 'A client_secret of another setup, or a card with Stripe.', 402: DECLINED, 404: 'No such setup of the caller.', 409: 'The setup is complete already.', 502: PROCESSOR_DOWN },
    mounted: 'always',
  },
  {
    method: 'POST',
    path: `${B}/payment-method/setup/:setup_id/authenticate`,
    summary: "Answer a setup's 3-D Secure challenge.",
    tag: 'billing',
    auth: 'session',
    params: setupParamsSchema,
    body: { schema: authenticatePaymentMethodSetupRequestSchema, required: true },
    idempotencyKey: true,
    answer: { status: 200, description: 'The attached card.', schema: confirmPaymentMethodSetupResponseSchema },
    errors: { 400: 'A client_secret of another setup.', 402: 'Authentication failed or the card was declined.', 404: 'No such setup of the caller.', 409: 'The setup awaits no authentication.' },
    mounted: 'always',
  },
  {
    method: 'POST',
    path: `${B}/checkout`,
    summary: 'Create a checkout session: a URL to redirect to (`hosted`), or a client secret for the in-page form (`embedded`).',
    tag: 'checkout',
    auth: 'session',
    body: { schema: checkoutRequestSchema, required: true },
    answer: { status: 200, description: 'The checkout session.', schema: checkoutSessionSchema },
    errors: {
      400: 'Unknown price or promotion code, a trial the plan does not allow, or a URL that is not absolute http(s) on an allowed origin.',
      409: 'The caller is subscribed already.',
      502: PROCESSOR_DOWN,
    },
    mounted: 'always',
  },
  {
    method: 'GET',
    path: `${B}/checkout/:session_id`,
    summary: 'What an in-page checkout shows: plan, price, promotion, trial and the amount due today.',
    tag: 'checkout',
    auth: 'session',
    params: checkoutSessionParamsSchema,
    answer: { status: 200, description: 'The checkout session summary.', schema: checkoutSessionSummarySchema },
    errors: { 404: 'No such checkout session of the caller.' },
    mounted: 'always',
  },
  {
    method: 'POST',
    path: `${B}/checkout/:session_id/confirm`,
    summary: "Pay an embedded checkout with the test processor's card form.",
    tag: 'checkout',
    auth: 'session',
    params: checkoutSessionParamsSchema,
    body: { schema: confirmCheckoutRequestSchema, required: true },
    idempotencyKey: true,
    answer: { status: 200, description: 'The new subscription, or a 3-D Secure challenge.', schema: confirmCheckoutResponseSchema },
    errors: {
      400: 'A client_secret of another session, or an Idempotency-Key reused with another body.',
      402: DECLINED,
      404: 'No such checkout session of the caller.',
      409: 'The session is complete or expired.',
      502: PROCESSOR_DOWN,
    },
    mounted: 'always',
  },
  {
    method: 'POST',
    path: `${B}/checkout/:session_id/authenticate`,
    summary: "Answer an embedded checkout's 3-D Secure challenge.",
    tag: 'checkout',
    auth: 'session',
    params: checkoutSessionParamsSchema,
    body: { schema: authenticateCheckoutRequestSchema, required: true },
    idempotencyKey: true,
    answer: { status: 200, description: 'The new subscription.', schema: confirmCheckoutResponseSchema },
    errors: {
      400: 'A client_secret of another session.',
      402: 'Authentication failed or the card was declined.',
      404: 'No such checkout session of the caller.',
      409: 'The session awaits no authentication.',
    },
    mounted: 'always',
  },
  {
    method: 'POST',
    path: '/api/v1/billing/activate',
    summary: "Activate paid billing from a completed checkout: verifies the session id's HMAC-SHA256 signature and expiry. Safe to repeat.",
    tag: 'activation',
    auth: 'session_or_api_key',
    body: { schema: activateRequestSchema, required: true },
    answer: { status: 200, description: 'Plan activated.', schema: activateResponseSchema },
    errors: { 403: 'Forbidden: the session signature is invalid or expired, or the session belongs to another subject.' },
    mounted: 'always',
  },
  {
    method: 'GET',
    path: '/billing/checkout/:session_id',
    summary: 'The hosted checkout page (test processor); the signed session id is the only credential.',
    tag: 'hosted checkout',
    auth: 'signed_path',
    params: checkoutSessionParamsSchema,
    answer: { status: 200, description: 'The checkout page.', html: true },
    errors: { 404: 'No such checkout session.' },
    mounted: 'always',
  },
  {
    method: 'POST',
    path: '/billing/checkout/:session_id',
    summary: "The hosted page's form: pays, then redirects (303) to the success URL; a decline (402) or a processor that takes payments itself (409) renders the page again.",
    tag: 'hosted checkout',
    auth: 'signed_path',
    params: checkoutSessionParamsSchema,
    body: { schema: hostedCheckoutFormSchema, required: true, form: true },
    answer: { status: 303, description: 'Paid: redirects to the success URL (`{CHECKOUT_SESSION_ID}` filled in).', redirect: true },
    pages: {
      200: 'The page again: a 3-D Secure challenge to answer, or the session is complete or expired.',
      402: 'The page again, showing the decline.',
      409: 'The processor takes payments itself (Stripe): this page takes no card.',
    },
    errors: { 404: 'No such checkout session.', 415: 'Not a form body.' },
    mounted: 'always',
  },
  {
    method: 'POST',
    path: '/webhooks/stripe',
    summary: "Stripe's events about Billkit's checkouts and subscriptions, verified against Stripe-Signature (Stripe processor only).",
    tag: 'webhooks',
    auth: 'stripe_signature',
    body: { schema: stripeEventSchema, required: true },
    answer: { status: 200, description: 'The event was received.', schema: stripeWebhookResponseSchema },
    errors: { 400: 'A bad or missing Stripe-Signature; nothing was written.', 503: 'No webhook secret configured (--stripe-webhook-secret).' },
    mounted: 'stripe',
  },
  {
    method: 'GET',
    path: '/openapi.json',
    summary: 'This document.',
    tag: 'meta',
    auth: 'none',
    answer: { status: 200, description: 'The OpenAPI 3.1 document of the proxy.' },
    errors: {},
    mounted: 'always',
  },
  {
    method: 'GET',
    path: '/api/dev/clock',
    summary: 'The dev clock: the proxy’s now.',
    tag: 'dev',
    auth: 'session_or_api_key',
    answer: { status: 200, description: 'The dev clock.', schema: devClockSchema },
    errors: {},
    mounted: 'dev',
  },
  {
    method: 'POST',
    path: '/api/dev/clock/advance',
    summary: "Move the dev clock forward and run every lifecycle step due, answering the caller's events.",
    tag: 'dev',
    auth: 'session_or_api_key',
    body: { schema: devAdvanceRequestSchema, required: true },
    answer: { status: 200, description: 'The new now and the events fired.', schema: devAdvanceResponseSchema },
    errors: { 400: 'Backwards, more than ten years, or neither seconds nor to.' },
    mounted: 'dev',
  },
  {
    method: 'POST',
    path: '/api/dev/token',
    summary: 'A dev session token for any subject (only with the dev keys).',
    tag: 'dev',
    auth: 'session_or_api_key',
    body: { schema: devTokenRequestSchema, required: true },
    answer: { status: 201, description: 'The token.', schema: devTokenResponseSchema },
    errors: { 404: 'Not with a real --jwt-secret or --jwks-url.' },
    mounted: 'dev',
  },
  {
    method: 'GET',
    path: '/api/dev/payment-method',
    summary: 'The test card on file.',
    tag: 'dev',
    auth: 'session',
    answer: { status: 200, description: 'The card on file.', schema: devPaymentMethodResponseSchema },
    errors: {},
    mounted: 'dev',
  },
  {
    method: 'POST',
    path: '/api/dev/payment-method',
    summary: 'Put a failing or a paying test card on file.',
    tag: 'dev',
    auth: 'session',
    body: { schema: devCardRequestSchema, required: true },
    answer: { status: 200, description: 'The card on file.', schema: devPaymentMethodResponseSchema },
    errors: {},
    mounted: 'dev',
  },
  {
    method: 'POST',
    path: '/api/dev/invoices/:id/pay',
    summary: 'Charge an open invoice now with the card on file.',
    tag: 'dev',
    auth: 'session',
    params: invoiceIdParamsSchema,
    answer: { status: 200, description: 'The invoice, the subscription and the events fired.', schema: devInvoiceOutcomeSchema },
    errors: { 402: 'The card was declined.', 404: 'No such invoice of the caller.', 409: 'The invoice is not open, or is being charged already.' },
    mounted: 'dev',
  },
  {
    method: 'POST',
    path: '/api/dev/invoices/:id/void',
    summary: 'Void an open invoice.',
    tag: 'dev',
    auth: 'session',
    params: invoiceIdParamsSchema,
    answer: { status: 200, description: 'The invoice, the subscription and the events fired.', schema: devInvoiceOutcomeSchema },
    errors: { 404: 'No such invoice of the caller.', 409: 'The invoice is not open, or is being charged already.' },
    mounted: 'dev',
  },
  {
    method: 'GET',
    path: '/api/dev/events',
    summary: "The caller's webhook events, newest first, with their delivery status.",
    tag: 'dev',
    auth: 'session',
    query: devEventsQuerySchema,
    answer: { status: 200, description: 'The events.', schema: devEventsResponseSchema },
    errors: { 400: 'A limit outside 1–100.' },
    mounted: 'dev',
  },
];
