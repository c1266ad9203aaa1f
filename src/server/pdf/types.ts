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
    unit_amount: number;
    amount: number;
    period_start?: string;
    period_end?: string;
  }[];
  /** Sum of the lines before any discount. */
  subtotal: number;
  /** A promotion applied to the invoice; `amount` is positive (what was taken off). */
  discount?: { description: string; amount: number } | null;
  /** What the invoice charges after the discount. */
  total: number;
  /** BCP 47 locale for money and dates; `en-US` by default. */
  locale?: string;
}
