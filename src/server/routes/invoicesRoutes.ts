import { Hono } from 'hono';
import { invoicesQuerySchema } from '../../contract/schemas/invoicesSchemas';
import type { InvoicesPage } from '../../contract/types';
import { callerOf } from '../auth/authMiddleware';
import { listInvoices } from '../billing/invoices';
import { renderInvoice } from '../billing/renderInvoice';
import { notFound } from '../errors';
import { requireUser } from './requireUser';
import type { ApiEnv, RouteContext } from './RouteContext';
import { pathParam, queryOf } from './validation';

/** `GET /invoices` (cursor pagination) and `GET /invoices/:id/pdf`. */
export function invoicesRoutes(ctx: RouteContext) {
  return new Hono<ApiEnv>()
    .get('/invoices', requireUser, queryOf(invoicesQuerySchema), async (c) => {
      const subject = callerOf(c).subject;
      const query = c.req.valid('query');
      return c.json<InvoicesPage, 200>(
        await listInvoices(ctx, subject, {
          limit: query.limit ?? 10,
          ...(query.starting_after !== undefined ? { startingAfter: query.starting_after } : {}),
        }),
        200,
      );
    })
    .get('/invoices/:id/pdf', async (c) => {
      const subject = callerOf(c).subject;
      const id = pathParam(c, 'id');
      const pdf = await renderInvoice(ctx, subject, id);
      if (!pdf) throw notFound('No such invoice.');
      return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="invoice_${id}.pdf"`,
        'Cache-Control': 'private, no-store',
      });
    });
}
