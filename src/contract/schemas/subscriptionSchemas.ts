import { z } from 'zod';
import { invoiceStatusSchema } from './invoicesSchemas';
import { planRefSchema, priceRefSchema } from './plansSchemas';
import { timestampSchema, wireSchemas } from './wireSchemas';

export const subscriptionStatusSchema = z
  .enum(['active', 'trialing', 'past_due', 'canceled', 'paused', 'incomplete'])
  .register(wireSchemas, { id: 'SubscriptionStatus' });

/** A plan change decided for the end of the current period (a downgrade). */
export const pendingChangeSchema = z
  .object({
    price: priceRefSchema,
    plan: planRefSchema,
    effective_at: timestampSchema,
    quantity: z.number().int().optional().describe('Billkit addition: the quantity the renewal will bill (a seat decrease waits for it).'),
  })
  .register(wireSchemas, { id: 'PendingChange' });

/** The subscription's price: the price reference, plus (Billkit addition) its pricing model and unit bounds. */
const subscriptionPriceSchema = priceRefSchema.extend({
  model: z.enum(['recurring', 'one_time', 'per_unit']).optional().describe('Billkit addition, on per_unit prices only: per_unit (amount is per unit, times the quantity); absent on flat prices.'),
  unit_label: z.string().nullable().optional().describe('Billkit addition: what one unit of a per_unit price is called ("seat"); null for flat prices.'),
  min_quantity: z.number().int().nullable().optional().describe('Billkit addition: the fewest units a per_unit price is sold in (null: 1).'),
  max_quantity: z.number().int().nullable().optional().describe('Billkit addition: the most units a per_unit price is sold in (null: no limit).'),
});

/** The caller's subscription, as `GET /subscription` returns it. */
export const subscriptionSchema = z
  .object({
    id: z.string(),
    plan: planRefSchema,
    price: subscriptionPriceSchema,
    status: subscriptionStatusSchema,
    current_period_start: timestampSchema,
    current_period_end: timestampSchema,
    cancel_at_period_end: z.boolean(),
    trial_end: timestampSchema.nullable(),
    canceled_at: timestampSchema.nullable(),
    ended_at: timestampSchema.nullable(),
    latest_invoice: z
      .object({
        id: z.string(),
        amount_due: z.number().int(),
        currency: z.string(),
        status: invoiceStatusSchema,
        next_payment_attempt: timestampSchema.nullable(),
      })
      .nullable()
      .optional()
      .describe('While past_due or incomplete: the open invoice being collected.'),
    upcoming_invoice: z
      .object({ amount_due: z.number().int(), currency: z.string(), date: timestampSchema, days_until: z.number().int() })
      .nullable()
      .optional()
      .describe('While trialing: what the end of the trial will charge, and when.'),
    pending_change: pendingChangeSchema.nullable().optional(),
    quantity: z
      .number()
      .int()
      .optional()
      .describe('Billkit addition: units billed (seats of a per_unit price: each period charges price.amount × quantity); 1 for flat prices.'),
  })
  .register(wireSchemas, { id: 'Subscription' });

/** `GET /subscription` answer, and the answer of cancel, resume and change. */
export const subscriptionResponseSchema = z
  .object({ subscription: subscriptionSchema.nullable() })
  .register(wireSchemas, { id: 'SubscriptionResponse' });

/** `POST /subscription/cancel` body. */
export const cancelRequestSchema = z
  .object({ at_period_end: z.boolean().describe('true: access continues to the period end; false: canceled now.') })
  .register(wireSchemas, { id: 'CancelRequest' });

/** `GET /entitlements` answer; `null`, `null`, `[]` without a subscription. */
export const entitlementsSchema = z
  .object({
    plan: z.string().nullable(),
    status: subscriptionStatusSchema.nullable(),
    features: z.array(z.string()),
    seats: z.number().int().nullable().optional().describe('Billkit addition: the seats (quantity) of a per_unit subscription; absent (null) otherwise.'),
  })
  .register(wireSchemas, { id: 'Entitlements' });
