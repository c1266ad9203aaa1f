import { z } from 'zod';
import { planRefSchema, priceRefSchema } from './plansSchemas';
import { idSchema, timestampSchema, wireSchemas } from './wireSchemas';

/** `POST /subscription/preview` body. */
export const planChangePreviewRequestSchema = z.object({ price_id: idSchema }).register(wireSchemas, { id: 'PlanChangePreviewRequest' });

/** `POST /subscription/change` body: the preview's `proration_date` charges exactly what it showed. */
export const planChangeRequestSchema = planChangePreviewRequestSchema
  .extend({
    proration_date: z.iso
      .datetime({ offset: true })
      .optional()
      .describe("The preview's proration_date: at most an hour old and within the current period."),
  })
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
