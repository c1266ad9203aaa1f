import { z } from 'zod';
import { idSchema, timestampSchema, wireSchemas } from './wireSchemas';

const LIMIT_MESSAGE = 'Expected an integer between 1 and 100.';

export const invoiceStatusSchema = z.enum(['draft', 'open', 'paid', 'void', 'uncollectible']).register(wireSchemas, { id: 'InvoiceStatus' });

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
