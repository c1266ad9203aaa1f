import type { StoreSession } from './StoreSession';

/**
 * Who is charging an open invoice right now. Paying an invoice charges the processor
 * outside any transaction (a transaction held across a processor call blocks PGlite's one
 * connection), so the customer's `POST /invoices/:id/pay` and a dunning retry of the same
 * invoice must not both charge it: each first takes a short lease on the invoice
 * (`invoices.collecting_until`), and whoever holds it is the only one charging.
 */
export interface InvoiceCollectionQueries {
  /**
   * Takes the collection lease of an `open` invoice until `until`, when nobody holds it or
   * the holder's lease ran out before `now` (a proxy that died mid-charge). True when taken;
   * false when the invoice is not open or another charge holds it. Inside a transaction
   * the row stays locked until commit, so a competing claim waits and then sees the outcome.
   */
  claimInvoiceCollection(invoiceId: string, now: Date, until: Date): Promise<boolean>;
  /** Gives the lease back (the charge finished, either way). */
  releaseInvoiceCollection(invoiceId: string): Promise<void>;
}

/** The SQL behind {@link InvoiceCollectionQueries}. Leases are wall-clock times, never the dev clock's. */
export function invoiceCollectionQueries(s: StoreSession): InvoiceCollectionQueries {
  return {
    async claimInvoiceCollection(invoiceId, now, until) {
      const rows = await s.q(
        `update invoices set collecting_until = $3
         where id = $1 and status = 'open' and (collecting_until is null or collecting_until <= $2)
         returning id`,
        [invoiceId, now, until],
      );
      return rows.length === 1;
    },
    async releaseInvoiceCollection(invoiceId) {
      await s.q(`update invoices set collecting_until = null where id = $1`, [invoiceId]);
    },
  };
}
