// <InvoiceList/>'s strings, beside it, and their groups in `BillingLabels`.
import type { InvoiceListLabels } from '../../contract/labels/invoiceListLabels';
import type { InvoiceStatus } from '../../contract/types';

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
  details: 'Details',
  detailsOf: (date) => `of the invoice of ${date}`,
  linesOf: (date) => `Lines of the invoice of ${date}`,
  quantityTimes: (quantity, unitAmount) => `${quantity} × ${unitAmount}`,
  tier: (quantity, unitAmount, per, amount) => (per === null ? `${quantity} × ${unitAmount} = ${amount}` : `${quantity} × ${unitAmount} per ${per} = ${amount}`),
  total: 'Total',
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

export type { InvoiceListLabels };
