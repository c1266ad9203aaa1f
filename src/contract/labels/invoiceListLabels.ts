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
  downloading: string;
  downloadFailed: string;
  loadMore: string;
  loadingMore: string;
  empty: string;
  emptyDescription: string;
  error: string;
}
