/**
 * The hosted checkout page and the invoice PDF renderers, loaded on first use so the
 * proxy starts without paying for them (pdf-lib is large).
 */
// Interim: module paths held in variables until src/server/pages and src/server/pdf land.
const checkoutPagePath = './pages/checkoutPage';
const invoicePdfPath = './pdf/renderInvoicePdf';

export const loadCheckoutPage = (): Promise<typeof import('./pages/checkoutPage')> =>
  import(/* @vite-ignore */ checkoutPagePath);

export const loadInvoicePdf = (): Promise<typeof import('./pdf/renderInvoicePdf')> =>
  import(/* @vite-ignore */ invoicePdfPath);
