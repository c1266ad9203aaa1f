import type { InvoicesPage } from '../../contract/types';
import { InvalidParameter } from '../domainErrors';
import type { BillingContext } from './BillingContext';
import { toWireInvoice } from './wire';

/**
 * `GET /invoices`: the subject's invoices, most recent first (created_at, then id, both
 * descending), `limit` per page. `startingAfter` must be one of the subject's invoices;
 * anything else is the same `InvalidParameter` whether the id exists for someone else or not at all.
 */
export async function listInvoices(
  ctx: BillingContext,
  subject: string,
  page: { limit: number; startingAfter?: string },
): Promise<InvoicesPage> {
  let after;
  if (page.startingAfter !== undefined) {
    after = await ctx.store.getInvoice(subject, page.startingAfter);
    if (!after) {
      throw new InvalidParameter('parameter_invalid', 'starting_after is not one of your invoices.', 'starting_after');
    }
  }
  const rows = await ctx.store.listInvoices(subject, { limit: page.limit, ...(after ? { after } : {}) });
  return { invoices: rows.slice(0, page.limit).map(toWireInvoice), has_more: rows.length > page.limit };
}
