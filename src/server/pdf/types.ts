import type { Invoice } from '../../contract/types';

/**
 * Everything one invoice PDF shows. Amounts are in the invoice currency's minor units,
 * as on the wire (`2900` = $29.00, `2900` = ¥2,900); dates are ISO 8601 strings.
 */
export interface InvoicePdfInput {
  /** The invoice as the API returns it (status, currency, amounts paid and due, period, issue date). */
  invoice: Invoice;
  /** Human invoice number, e.g. `"BK-000123"`. */
  number: string;
  /** Who issues the invoice: a name and address / contact lines under it. */
  issuer: { name: string; lines?: string[] };
  /** The billed subject: a user or an org, with a name and email when known. */
  customer: { id: string; kind: 'user' | 'org'; name?: string | null; email?: string | null };
  /** The invoice lines, in order. */
  lines: {
    description: string;
    quantity: number;
    /** `null` for a usage line: its `tiers` carry the prices. */
    unit_amount: number | null;
    amount: number;
    period_start?: string;
    period_end?: string;
    /** A usage line's tiers as applied: `quantity` billable units at `unit_amount` per `per` units, up to `up_to` (null: no bound). */
    tiers?: { up_to: number | null; unit_amount: number; per: number; quantity: number }[];
  }[];
  /** Sum of the lines before any discount (the discount is `discount`, not a line). */
  subtotal: number;
  /** A promotion applied to the invoice; `amount` is positive (what was taken off). */
  discount?: { description: string; amount: number } | null;
  /** What the invoice charges after the discount. */
  total: number;
  /** BCP 47 locale for money and dates; `en-US` by default. */
  locale?: string;
}
