import type { BillingLabels } from '../react/labels';
import { defaultCheckoutLabels } from './CheckoutForm/checkoutLabels';
import { defaultInvoiceListLabels, defaultInvoiceStatusLabels } from './InvoiceList/invoiceListLabels';
import { defaultPaymentMethodLabels } from './PaymentMethodForm/paymentMethodLabels';
import { defaultSeatChangeLabels } from './SeatChange/seatChangeLabels';
import { defaultPricingTableLabels } from './PricingTable/pricingTableLabels';
import { defaultSeatStepperLabels } from './PricingTable/seatStepperLabels';
import { defaultSubscriptionCardLabels, defaultSubscriptionStatusLabels } from './SubscriptionCard/subscriptionCardLabels';
import { defaultUsageMeterLabels } from './UsageMeter/usageMeterLabels';
import { defaultCommonLabels } from './ui/commonLabels';

/**
 * The default (English) labels of every component, gathered, for apps that start a
 * translation from the whole set. Components never read it (each takes its own defaults),
 * so an app that does not import it does not bundle it.
 */
export const defaultLabels: BillingLabels = {
  ...defaultCommonLabels,
  checkout: defaultCheckoutLabels,
  subscriptionStatus: defaultSubscriptionStatusLabels,
  invoiceStatus: defaultInvoiceStatusLabels,
  pricingTable: { ...defaultPricingTableLabels, ...defaultSeatStepperLabels },
  subscriptionCard: defaultSubscriptionCardLabels,
  usageMeter: defaultUsageMeterLabels,
  invoiceList: defaultInvoiceListLabels,
  paymentMethod: defaultPaymentMethodLabels,
  seatChange: defaultSeatChangeLabels,
};
