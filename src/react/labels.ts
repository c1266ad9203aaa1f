import type { IntervalLabels } from '../contract/formatInterval';
import type { InvoiceStatus, SubscriptionStatus } from '../contract/types';
import { defaultCheckoutLabels, type CheckoutLabels } from '../components/CheckoutForm/checkoutLabels';
import { defaultInvoiceListLabels, type InvoiceListLabels } from '../components/InvoiceList/invoiceListLabels';
import { defaultPricingTableLabels, type PricingTableLabels } from '../components/PricingTable/pricingTableLabels';
import { defaultSubscriptionCardLabels, type SubscriptionCardLabels } from '../components/SubscriptionCard/subscriptionCardLabels';
import { defaultUsageMeterLabels, type UsageMeterLabels } from '../components/UsageMeter/usageMeterLabels';

// Each component's strings live beside it; they are re-exported here, where apps have
// always found them.
export { defaultCheckoutLabels, type CheckoutLabels, type InvoiceListLabels, type PricingTableLabels, type SubscriptionCardLabels, type UsageMeterLabels };

/**
 * Every user-facing string of Billkit, in one place. Apps override any of them through
 * `<BillingProvider labels={...}>` (for localisation or tone).
 */
export interface BillingLabels {
  retry: string;
  loading: string;
  /**
   * Names of billing intervals for `formatInterval` (`{ month: 'mo' }`). Leave unset to
   * get the locale's own names from `Intl` ("month", "Monat").
   */
  intervals?: IntervalLabels;
  /** `<CheckoutForm/>` and `<CheckoutReturn/>`. Override any part of it: `{ checkout: { pay: … } }` keeps the other strings. */
  checkout: CheckoutLabels;
  /** `"Apr 1, 2025 – May 1, 2025"`: a billing period from two formatted dates. */
  period: (start: string, end: string) => string;
  /** Names of subscription statuses; `canceling` is an active subscription set to cancel at period end. */
  subscriptionStatus: Record<SubscriptionStatus | 'canceling', string>;
  /** Names of invoice statuses. */
  invoiceStatus: Record<InvoiceStatus, string>;
  /** `<PricingTable/>`. Override the group as a whole: `{ pricingTable: { ...defaultLabels.pricingTable, … } }`. */
  pricingTable: PricingTableLabels;
  /** `<SubscriptionCard/>`. */
  subscriptionCard: SubscriptionCardLabels;
  /** `<UsageMeter/>`. */
  usageMeter: UsageMeterLabels;
  /** `<InvoiceList/>`. */
  invoiceList: InvoiceListLabels;
}

/** The default (English) labels. */
export const defaultLabels: BillingLabels = {
  retry: 'Try again',
  loading: 'Loading…',
  checkout: defaultCheckoutLabels,
  period: (start, end) => `${start} – ${end}`,
  subscriptionStatus: {
    active: 'Active',
    trialing: 'Trial',
    past_due: 'Past due',
    canceled: 'Canceled',
    paused: 'Paused',
    incomplete: 'Incomplete',
    canceling: 'Canceling',
  },
  invoiceStatus: { draft: 'Draft', open: 'Open', paid: 'Paid', void: 'Void', uncollectible: 'Uncollectible' },
  pricingTable: defaultPricingTableLabels,
  subscriptionCard: defaultSubscriptionCardLabels,
  usageMeter: defaultUsageMeterLabels,
  invoiceList: defaultInvoiceListLabels,
};
