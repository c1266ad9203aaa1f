// The strings of one component group as types: a shape the browser layers share, with
// the defaults beside the component (src/components) and the overrides in the provider.

/** Strings of `<InvoiceList/>`. */
export interface InvoiceListLabels {
  title: string;
  description: string;
  date: string;
  period: string;
  amount: string;
  status: string;
  /** Header of the download column (visually hidden). */
  actions: string;
  download: string;
  /**
   * Visually hidden words after `download` in a row's button, so its name says which
   * invoice: `"invoice of Apr 1, 2025"` → the button reads "PDF invoice of Apr 1, 2025".
   */
  invoiceOf: (date: string) => string;
  /** The disclosure of an invoice's lines. */
  details: string;
  /** Visually hidden words after `details`: `"of the invoice of Apr 1, 2025"` → "Details of the invoice of Apr 1, 2025". */
  detailsOf: (date: string) => string;
  /** The accessible name of an invoice's list of lines: `"Lines of the invoice of Apr 1, 2025"`. */
  linesOf: (date: string) => string;
  /** `"5 × $12.00"`: a line's quantity and unit amount (already formatted). */
  quantityTimes: (quantity: string, unitAmount: string) => string;
  /**
   * A tier of a usage line: `"13,500 × $2.00 per 1,000 = $27.00"`; `per` is `null` when the
   * tier prices each unit (`"40 × $0.05 = $2.00"`). Everything already formatted.
   */
  tier: (quantity: string, unitAmount: string, per: string | null, amount: string) => string;
  /** Under the lines: what they add up to (`amount_due`). */
  total: string;
  downloading: string;
  downloadFailed: string;
  loadMore: string;
  loadingMore: string;
  empty: string;
  emptyDescription: string;
  error: string;
}
