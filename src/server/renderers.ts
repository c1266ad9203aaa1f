/**
 * The hosted checkout page and the invoice PDF renderers, loaded on first use so the
 * proxy starts without paying for them (pdf-lib is large).
 */
export const loadCheckoutPage = () => import('./pages/checkoutPage');

export const loadInvoicePdf = () => import('./pdf/renderInvoicePdf');
