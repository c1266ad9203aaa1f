import { z } from 'zod';
import { wireSchemas } from './wireSchemas';

/** A billing interval of a recurring price. */
export const intervalSchema = z.enum(['day', 'week', 'month', 'year']).register(wireSchemas, { id: 'Interval' });

/** A tier of a usage price: `unit_amount` per `per` units, up to `up_to` units of the period (included ones counted; null: no bound). */
export const usageTierSchema = z
  .object({
    up_to: z.number().int().nullable().describe("The period's total units this tier reaches (included units counted); null on the last tier."),
    unit_amount: z.number().int().describe('Minor units per `per` units.'),
    per: z.number().int().describe('How many units unit_amount prices (1000: per 1,000 calls).'),
  })
  .register(wireSchemas, { id: 'UsageTier' });

/** A usage component of a price: one metric billed in arrears. */
const priceUsageSchema = z
  .object({
    metric: z.string(),
    included: z.number().int().describe('Free units per period; they count toward the tiers\' up_to.'),
    mode: z.enum(['graduated', 'volume']).describe('graduated: each tier prices its own units; volume: every billable unit at the tier the total falls in.'),
    tiers: z.array(usageTierSchema),
    at_limit: z
      .enum(['refuse', 'bill'])
      .describe("At the plan's usage limit: refuse (POST /usage answers 429 usage_limit_exceeded) or bill (recorded and billed)."),
  })
  .register(wireSchemas, { id: 'PriceUsage' });

/** A price of a plan; `amount` in the currency's minor units. */
export const priceSchema = z
  .object({
    id: z.string(),
    amount: z.number().int(),
    currency: z.string().describe('ISO 4217 code, lower case (usd, eur, jpy).'),
    interval: intervalSchema.nullable(),
    model: z
      .enum(['recurring', 'one_time', 'per_unit'])
      .describe('per_unit: amount is per unit (a seat), charged times the quantity bought; otherwise a flat price (quantity 1).'),
    unit_label: z.string().nullable().optional().describe('Billkit addition: what one unit of a per_unit price is called ("seat"); null for flat prices.'),
    min_quantity: z.number().int().nullable().optional().describe('Billkit addition: the fewest units a per_unit price is sold in (null: 1).'),
    max_quantity: z.number().int().nullable().optional().describe('Billkit addition: the most units a per_unit price is sold in (null: no limit).'),
    trial_period_days: z
      .number()
      .int()
      .nullable()
      .optional()
      .describe("Billkit addition: the plan's trial in days, the longest a checkout of this price may start; null without trials."),
    usage: z.array(priceUsageSchema).optional().describe('Billkit addition: the usage this price bills in arrears, one component per metric (empty: none).'),
  })
  .register(wireSchemas, { id: 'Price', description: 'A price of a plan; amount in minor units (900 = $9.00).' });

/** A public plan, as `GET /plans` lists it. */
export const planSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    features: z.array(z.string()),
    recommended: z.boolean(),
    prices: z.array(priceSchema),
    trial_allowed: z.boolean().optional().describe('Billkit addition: whether checkout may start a trial for this plan.'),
    trial_by_default: z.boolean().optional().describe("Billkit addition: a checkout naming no trial_days starts the plan's whole trial."),
    trial_eligible: z
      .boolean()
      .optional()
      .describe("Billkit addition, with a user's token: whether this subject may still start this plan's trial (one trial per subject)."),
  })
  .register(wireSchemas, { id: 'Plan' });

/** `GET /plans` answer. */
export const plansResponseSchema = z.object({ plans: z.array(planSchema) }).register(wireSchemas, { id: 'PlansResponse' });

/** A plan as a subscription, a preview or a checkout names it. */
export const planRefSchema = z.object({ id: z.string(), name: z.string() });

/** A price as a subscription, a pending change or a preview shows it. */
export const priceRefSchema = z.object({ id: z.string(), amount: z.number().int(), interval: intervalSchema.nullable(), currency: z.string() });
