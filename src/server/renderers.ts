/**
 * The hosted checkout page and the invoice PDF renderers, loaded on first use so the
 * proxy starts without paying for them (pdf-lib is large).
 */
// Interim: the page module's path is held in a variable until src/server/pages lands.
const checkoutPagePath = './pages/checkoutPage';

export const loadCheckoutPage = (): Promise<typeof import('./pages/checkoutPage')> =>
  import(/* @vite-ignore */ checkoutPagePath);

export const loadInvoicePdf = () => import('./pdf/renderInvoicePdf');
