import { z } from 'zod';
import { authenticateRequestSchema, cardDetailsSchema, clientSecretSchema, requiresActionSchema } from './cardSchemas';
import { intervalSchema, planRefSchema } from './plansSchemas';
import { subscriptionSchema } from './subscriptionSchemas';
import { idSchema, timestampSchema, wireSchemas } from './wireSchemas';

/**
 * A success or cancel URL as the wire carries it. The proxy refines it further
 * (http(s), normalised, on an allowed origin: routes/checkoutRoutes.ts `redirectUrl`).
 */
const redirectUrlSchema = z
  .string()
  .max(2048)
  .describe('An absolute http(s) URL in its normalised form; {CHECKOUT_SESSION_ID} may stand anywhere in it.');

/** `POST /checkout` body. */
export const checkoutRequestSchema = z
  .object({
    price_id: idSchema,
    success_url: redirectUrlSchema,
    cancel_url: redirectUrlSchema,
    promotion_code: z.string().min(1).max(100).optional(),
    // The plan's own trial bounds it further (createCheckout); 730 days is the catalogue's limit.
    trial_days: z.number().int('Must be an integer.').min(1).max(730).optional(),
    // The price's own min/max bounds it further (createCheckout).
    quantity: z
      .number()
      .int('Must be an integer.')
      .min(1)
      .max(1_000_000)
      .optional()
      .describe("Billkit addition: units of a per_unit price (default its min_quantity, or 1), within its min/max; a flat price takes only 1."),
    ui_mode: z.enum(['hosted', 'embedded']).default('hosted'),
  })
  .register(wireSchemas, { id: 'CheckoutRequest' });

/** `POST /checkout` answer; embedded sessions add what the in-page form needs. */
export const checkoutSessionSchema = z
  .object({
    checkout_url: z.string(),
    session_id: z.string(),
    client_secret: z.string().optional(),
    processor: z.enum(['test', 'stripe']).optional(),
    publishable_key: z.string().optional(),
  })
  .register(wireSchemas, { id: 'CheckoutSession' });

/** Path of the checkout session endpoints (JSON and hosted page). */
export const checkoutSessionParamsSchema = z.object({ session_id: z.string().describe('The signed checkout session id.') });

/** `GET /checkout/:session_id` answer. */
export const checkoutSessionSummarySchema = z
  .object({
    session_id: z.string(),
    status: z.enum(['open', 'complete', 'expired']),
    plan: planRefSchema,
    price: z.object({ id: z.string(), amount: z.number().int(), currency: z.string(), interval: intervalSchema.nullable() }),
    promotion: z
      .object({ code: z.string(), percent_off: z.number().nullable(), amount_off: z.number().int().nullable(), duration: z.string() })
      .nullable(),
    trial_days: z.number().int().nullable(),
    quantity: z.number().int().optional().describe('Billkit addition: units bought; price.amount is the unit price, amount_subtotal = price.amount × quantity.'),
    unit_label: z.string().nullable().optional().describe('Billkit addition: what a unit is called ("seat"); null for flat prices.'),
    amount_subtotal: z.number().int(),
    amount_discount: z.number().int(),
    amount_due_today: z.number().int(),
    currency: z.string(),
    expires_at: timestampSchema,
    subscription_id: z.string().nullable(),
  })
  .register(wireSchemas, { id: 'CheckoutSessionSummary' });

/** `POST /checkout/:session_id/confirm` body. */
export const confirmCheckoutRequestSchema = z
  .object({ client_secret: clientSecretSchema, card: cardDetailsSchema })
  .register(wireSchemas, { id: 'ConfirmCheckoutRequest' });

/** `POST /checkout/:session_id/authenticate` body. */
export const authenticateCheckoutRequestSchema = authenticateRequestSchema;

/** `POST /checkout/:session_id/confirm` and `/authenticate` answer. */
export const confirmCheckoutResponseSchema = z
  .discriminatedUnion('status', [z.object({ status: z.literal('succeeded'), subscription: subscriptionSchema }), requiresActionSchema])
  .register(wireSchemas, { id: 'ConfirmCheckoutResponse' });

/** The hosted page's form (`POST /billing/checkout/:session_id`, urlencoded); a field left out is empty. */
export const hostedCheckoutFormSchema = z
  .object({
    card_number: z.string().optional(),
    card_exp: z.string().optional().describe('MM / YY.'),
    card_cvc: z.string().optional(),
    postal_code: z.string().optional(),
    authenticate: z.enum(['approve', 'fail']).optional().describe('The answer to a 3-D Secure challenge.'),
  })
  .register(wireSchemas, { id: 'HostedCheckoutForm' });
