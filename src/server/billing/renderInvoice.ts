import { parseSubjectKey } from '../subjectKey';
import { loadInvoicePdf } from '../renderers';
import type { BillingContext } from './BillingContext';
import { iso } from './time';
import { toWireInvoice } from './wire';

/** Who issues the invoices when the `issuer` settings are not set. */
const DEFAULT_ISSUER = { name: 'Billkit Demo Inc.', lines: ['1 Example Street', 'San Francisco, CA 94105', 'billing@billkit.example'] };

/**
 * The PDF of one of the subject's invoices, or `null` when the subject has no invoice
 * with that id (whether or not it exists for someone else). The renderer is loaded on
 * first use, so start-up does not pay for the PDF library.
 */
export async function renderInvoice(ctx: BillingContext, subject: string, id: string): Promise<Uint8Array | null> {
  const invoice = await ctx.store.getInvoice(subject, id);
  if (!invoice) return null;
  const [customer, issuerSetting, { renderInvoicePdf }] = await Promise.all([
    ctx.store.getCustomer(subject),
    ctx.store.getSetting('issuer'),
    loadInvoicePdf(),
  ]);
  const issuer = issuerSetting ? (JSON.parse(issuerSetting) as typeof DEFAULT_ISSUER) : DEFAULT_ISSUER;
  return renderInvoicePdf({
    invoice: toWireInvoice(invoice),
    number: `BK-${String(invoice.number).padStart(6, '0')}`,
    issuer,
    customer: {
      id: parseSubjectKey(subject).id,
      kind: parseSubjectKey(subject).kind,
      name: customer?.name ?? null,
      email: customer?.email ?? null,
    },
    // Discount lines are the PDF's discount row, under the subtotal.
    lines: invoice.lines
      .filter((l) => l.kind !== 'discount')
      .map((l) => ({
        description: l.description,
        quantity: l.quantity,
        unit_amount: l.unit_amount,
        amount: l.amount,
        ...(l.period_start ? { period_start: iso(l.period_start) } : {}),
        ...(l.period_end ? { period_end: iso(l.period_end) } : {}),
        ...(l.tiers ? { tiers: l.tiers } : {}),
      })),
    subtotal: invoice.subtotal,
    discount: invoice.discount_amount
      ? { description: invoice.discount_description ?? 'Discount', amount: invoice.discount_amount }
      : null,
    total: invoice.amount_due,
  });
}
