// <InvoiceList/>'s strings, beside it, and their groups in `BillingLabels`.
import type { InvoiceStatus } from '../../contract/types';

declare module '../../react/labels' {
  interface BillingLabels {
    /** `<InvoiceList/>`. */
    invoiceList: InvoiceListLabels;
    /** Names of invoice statuses. */
    invoiceStatus: Record<InvoiceStatus, string>;
  }
}

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

/** The default (English) strings of `<InvoiceList/>`. */
export const defaultInvoiceListLabels: InvoiceListLabels = {
  title: 'Invoices',
  description: 'Your billing history, most recent first.',
  date: 'Date',
  period: 'Period',
  amount: 'Amount',
  status: 'Status',
  actions: 'Invoice PDF',
  download: 'PDF',
  invoiceOf: (date) => `invoice of ${date}`,
  downloading: 'Downloading…',
  downloadFailed: 'Download failed',
  loadMore: 'Load more',
  loadingMore: 'Loading…',
  empty: 'No invoices yet',
  emptyDescription: 'Invoices appear here after your first payment.',
  error: "We couldn't load your invoices.",
};

/** The default (English) names of invoice statuses. */
export const defaultInvoiceStatusLabels: Record<InvoiceStatus, string> = {
  draft: 'Draft',
  open: 'Open',
  paid: 'Paid',
  void: 'Void',
  uncollectible: 'Uncollectible',
};
