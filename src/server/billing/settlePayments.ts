import type { PaymentPurpose } from '../store/records';
import type { BillingContext } from './BillingContext';
import { settleCheckoutPayment } from './checkoutPayment';
import { settleInvoicePayment } from './invoicePayment';
import { reconcilePayments, type PaymentSettler } from './payments';
import { settlePlanChangePayment } from './planChangePayment';

/** The rule that settles each kind of payment (step 3 of the charging path). */
const SETTLERS: Record<PaymentPurpose, PaymentSettler> = {
  checkout: settleCheckoutPayment,
  plan_change: settlePlanChangePayment,
  invoice_pay: settleInvoicePayment,
  renewal: settleInvoicePayment,
  retry: settleInvoicePayment,
  devtools: settleInvoicePayment,
};

/**
 * Settles the payments left in flight by processes that are gone, as the processor saw
 * them (see `reconcilePayments`): at start-up, before each lifecycle run, and before an
 * object (`objectId`) or a subject's subscription (`subject`) is charged again.
 */
export function reconcile(ctx: BillingContext, filter: { objectId?: string; subject?: string } = {}): Promise<number> {
  return reconcilePayments(ctx, SETTLERS, filter);
}
