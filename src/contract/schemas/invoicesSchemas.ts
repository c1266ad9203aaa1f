import { z } from 'zod';
import { usageTierSchema } from './plansSchemas';
import { idSchema, timestampSchema, wireSchemas } from './wireSchemas';

const LIMIT_MESSAGE = 'Expected an integer between 1 and 100.';

export const invoiceStatusSchema = z.enum(['draft', 'open', 'paid', 'void', 'uncollectible']).register(wireSchemas, { id: 'InvoiceStatus' });

/** A tier as a usage line applied it: its billable units and their exact amount (the line rounds once, half up). */
const invoiceLineTierSchema = usageTierSchema
  .extend({
    quantity: z.number().int().describe('Billable units priced by this tier.'),
    amount: z.number().describe('quantity × unit_amount / per, exact (not rounded).'),
  })
  .register(wireSchemas, { id: 'InvoiceLineTier' });

/** One line of an invoice; amounts in minor units. */
const invoiceLineSchema = z
  .object({
    kind: z.enum(['subscription', 'seats', 'usage', 'proration', 'discount']).describe('What the line charges for; discount lines are negative.'),
    description: z.string(),
    quantity: z.number().int(),
    unit_amount: z.number().int().nullable().describe('null on usage lines: their tiers carry the prices.'),
    amount: z.number().int(),
    period_start: timestampSchema.nullable(),
    period_end: timestampSchema.nullable(),
    metric: z.string().nullable().describe('The metric of a usage line; null on other lines.'),
    tiers: z.array(invoiceLineTierSchema).nullable().describe('The tiers a usage line applied; null on other lines.'),
  })
  .register(wireSchemas, { id: 'InvoiceLine' });

export const invoiceSchema = z
  .object({
    id: z.string(),
    amount_due: z.number().int(),
    amount_paid: z.number().int(),
    currency: z.string(),
    status: invoiceStatusSchema,
    period_start: timestampSchema,
    period_end: timestampSchema,
    created_at: timestampSchema,
    pdf_url: z.string(),
    subscription: z.string().nullable().optional().describe('Billkit addition: the id of the subscription the invoice bills, or null.'),
    lines: z.array(invoiceLineSchema).optional().describe('Billkit addition: the lines, in order; amount_due is their sum.'),
  })
  .register(wireSchemas, { id: 'Invoice' });

/** `GET /invoices` query: `limit` (1–100, default 10) and the `starting_after` cursor. */
export const invoicesQuerySchema = z.object({
  limit: z
    .string()
    .regex(/^\d+$/, LIMIT_MESSAGE)
    .transform(Number)
    .pipe(z.number().int().min(1, LIMIT_MESSAGE).max(100, LIMIT_MESSAGE))
    .optional()
    .describe('How many invoices to return: 1 to 100, default 10.'),
  starting_after: idSchema.optional().describe('Cursor: the id of the last invoice of the previous page.'),
});

/** `GET /invoices` answer: most recent first. */
export const invoicesPageSchema = z
  .object({ invoices: z.array(invoiceSchema), has_more: z.boolean() })
  .register(wireSchemas, { id: 'InvoicesPage' });

/** Path of `GET /invoices/:id/pdf` and `POST /invoices/:id/pay`. */
export const invoiceIdParamsSchema = z.object({ id: z.string().describe('The invoice id.') });

/** `POST /invoices/:id/pay` answer. */
export const payInvoiceResponseSchema = z.object({ invoice: invoiceSchema }).register(wireSchemas, { id: 'PayInvoiceResponse' });
