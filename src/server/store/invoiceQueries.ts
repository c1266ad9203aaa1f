import { invoiceLineRow, invoiceRow, num } from './rows';
import type { InvoiceLineRecord, InvoiceRecord } from './records';
import type { Store } from './Store';
import type { StoreSession } from './StoreSession';

/**
 * A plan change's proration invoice is a `draft` while its charge is in flight (it becomes
 * paid, or is removed when declined): customers never see it in between.
 */
const NOT_IN_FLIGHT = `not (status = 'draft' and exists (
  select 1 from payments p where p.object_kind = 'invoice' and p.object_id = invoices.id and p.status = 'pending'))`;

/** The invoices with their lines, read in one query. */
async function withLines(s: StoreSession, invoices: InvoiceRecord[]): Promise<InvoiceRecord[]> {
  if (invoices.length === 0) return invoices;
  const rows = await s.q(`select * from invoice_lines where invoice_id = any($1::text[]) order by invoice_id, position`, [invoices.map((i) => i.id)]);
  const byInvoice = new Map<string, InvoiceLineRecord[]>();
  for (const r of rows) {
    const id = r.invoice_id as string;
    let lines = byInvoice.get(id);
    if (!lines) byInvoice.set(id, (lines = []));
    lines.push(invoiceLineRow(r));
  }
  return invoices.map((i) => ({ ...i, lines: byInvoice.get(i.id) ?? [] }));
}

/** Invoices and their lines, paged most recent first. */
export function invoiceQueries(s: StoreSession): Pick<Store, 'insertInvoice' | 'listInvoices' | 'getInvoice' | 'lockInvoice' | 'deleteDraftInvoice'> {
  return {
    async insertInvoice({ lines, ...invoice }) {
      await s.insert('invoices', { ...invoice });
      let position = 0;
      for (const line of lines) {
        await s.insert('invoice_lines', { invoice_id: invoice.id, position: position++, ...line, tiers: line.tiers ? JSON.stringify(line.tiers) : null });
      }
    },
    async listInvoices(subject, page) {
      const rows = page.after
        ? await s.q(
            `select * from invoices where subject = $1 and ${NOT_IN_FLIGHT} and (created_at, id) < ($2, $3)
             order by created_at desc, id desc limit $4`,
            [subject, page.after.created_at, page.after.id, page.limit + 1],
          )
        : await s.q(`select * from invoices where subject = $1 and ${NOT_IN_FLIGHT} order by created_at desc, id desc limit $2`, [
            subject,
            page.limit + 1,
          ]);
      return withLines(s, rows.map(invoiceRow));
    },
    async lockInvoice(id) {
      const rows = await s.q(`select * from invoices where id = $1 for update`, [id]);
      return rows[0] ? (await withLines(s, [invoiceRow(rows[0])]))[0]! : null;
    },
    async deleteDraftInvoice(id) {
      await s.q(`delete from invoice_lines where invoice_id = $1 and exists (select 1 from invoices where id = $1 and status = 'draft')`, [id]);
      await s.q(`delete from invoices where id = $1 and status = 'draft'`, [id]);
    },
    async getInvoice(subject, id) {
      const rows = await s.q(`select * from invoices where subject = $1 and id = $2`, [subject, id]);
      const r = rows[0];
      if (!r) return null;
      const [invoice] = await withLines(s, [invoiceRow(r)]);
      return { ...invoice!, number: num(r.number) };
    },
  };
}
