import { z } from 'zod';
import { planRefSchema, priceRefSchema } from './plansSchemas';
import { idSchema, timestampSchema, wireSchemas } from './wireSchemas';

/** What a change names: a price, a quantity (Billkit addition, seats of a per_unit price), or both. */
const planChangeTarget = {
  price_id: idSchema.optional().describe('The price to change to; default the current one (a change of quantity only).'),
  quantity: z
    .number()
    .int('Must be an integer.')
    .min(1)
    .max(1_000_000)
    .optional()
    .describe('Billkit addition: units (seats) of a per_unit price; default the current quantity (1 for a flat price).'),
};

/** Neither a price nor a quantity names no change: `price_id` is missing (as it was when it was required). */
const namesAChange = (body: { price_id?: string; quantity?: number }, ctx: z.RefinementCtx) => {
  if (body.price_id === undefined && body.quantity === undefined) {
    ctx.addIssue({ code: 'invalid_type', expected: 'string', input: undefined, path: ['price_id'], message: 'Name the price_id to change to, a quantity, or both.' });
  }
};

/** `POST /subscription/preview` body. */
export const planChangePreviewRequestSchema = z
  .object(planChangeTarget)
  .superRefine(namesAChange)
  .register(wireSchemas, { id: 'PlanChangePreviewRequest' });

/** `POST /subscription/change` body: the preview's `proration_date` charges exactly what it showed. */
export const planChangeRequestSchema = z
  .object({
    ...planChangeTarget,
    proration_date: z.iso
      .datetime({ offset: true })
      .optional()
      .describe("The preview's proration_date: at most an hour old and within the current period."),
  })
  .superRefine(namesAChange)
  .register(wireSchemas, { id: 'PlanChangeRequest' });

export const planChangeLineSchema = z
  .object({
    description: z.string(),
    amount: z.number().int().describe('Minor units; negative for the credit of unused time.'),
    period_start: timestampSchema,
    period_end: timestampSchema,
    proration: z.boolean(),
  })
  .register(wireSchemas, { id: 'PlanChangeLine' });

export const planChangePreviewSchema = z
  .object({
    price: priceRefSchema,
    plan: planRefSchema,
    effective: z.enum(['now', 'period_end']),
    quantity: z.number().int().optional().describe('Billkit addition: the quantity after the change (1 for flat prices).'),
    lines: z.array(planChangeLineSchema),
    amount_due_today: z.number().int().min(0),
    currency: z.string(),
    next_invoice: z.object({ amount: z.number().int(), date: timestampSchema }),
    proration_date: timestampSchema,
  })
  .register(wireSchemas, { id: 'PlanChangePreview' });

/** `POST /subscription/preview` answer. */
export const planChangePreviewResponseSchema = z
  .object({ preview: planChangePreviewSchema })
  .register(wireSchemas, { id: 'PlanChangePreviewResponse' });
