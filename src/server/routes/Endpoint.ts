import type { z } from 'zod';

/**
 * Who may call an endpoint: `session` a user's session token (JWT); `session_or_api_key`
 * that or the server API key; `signed_path` nobody but the holder of the signed session id
 * in the path (the hosted page); `stripe_signature` Stripe (the `Stripe-Signature` header);
 * `none` anyone.
 */
export type EndpointAuth = 'session' | 'session_or_api_key' | 'signed_path' | 'stripe_signature' | 'none';

/** An error status an endpoint answers with the documented error body. */
export type ErrorStatus = 400 | 401 | 402 | 403 | 404 | 409 | 413 | 415 | 429 | 502 | 503;

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

/** Where the billing endpoints live. */
export const B = '/api/proxy/billing';

/** The failures several endpoints document in the same words. */
export const NO_SUBSCRIPTION = 'The caller has no subscription (`no_subscription`).';
export const DECLINED = 'The card was declined; the body is the error (`card_declined`, ...), and is replayed under the same Idempotency-Key.';
export const PROCESSOR_DOWN = 'The payment processor could not be reached; nothing was charged.';
