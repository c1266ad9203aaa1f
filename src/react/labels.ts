import type { IntervalLabels } from '../contract/formatInterval';
import type { CheckoutLabels } from '../contract/labels/checkoutLabels';
import type { InvoiceListLabels } from '../contract/labels/invoiceListLabels';
import type { PaymentMethodLabels } from '../contract/labels/paymentMethodLabels';
import type { PricingTableLabels } from '../contract/labels/pricingTableLabels';
import type { SeatChangeLabels } from '../contract/labels/seatChangeLabels';
import type { SubscriptionCardLabels } from '../contract/labels/subscriptionCardLabels';
import type { UsageMeterLabels } from '../contract/labels/usageMeterLabels';
import type { SubscriptionStatus, InvoiceStatus } from '../contract/types';

/**
 * Every user-facing string of Billkit, by group. The groups' shapes are types of the
 * contract (`src/contract/labels/`); each component keeps its default strings beside it
 * (`…Labels.ts`), so this layer names no component and an app's bundle holds only the
 * defaults of the components it imports. Apps override any of them through `<BillingProvider labels={...}>` (for
 * localisation or tone).
 */
export interface BillingLabels {
  /**
   * Names of billing intervals for `formatInterval` (`{ month: 'mo' }`). Leave unset to
   * get the locale's own names from `Intl` ("month", "Monat").
   */
  intervals?: IntervalLabels;
  retry: string;
  loading: string;
  /** `"Apr 1, 2025 – May 1, 2025"`: a billing period from two formatted dates. */
  period: (start: string, end: string) => string;
    /** `<CheckoutForm/>` and `<CheckoutReturn/>`. Override any part of it: `{ checkout: { pay: … } }` keeps the other strings. */
    checkout: CheckoutLabels;
    /** `<InvoiceList/>`. */
    invoiceList: InvoiceListLabels;
    /** Names of invoice statuses. */
    invoiceStatus: Record<InvoiceStatus, string>;
    /** The opt-ins: `<PaymentMethodForm/>`, `<PlanChangeDialog/>`, `<SubscriptionPaymentDetails/>`, `<PayInvoiceButton/>`. */
    paymentMethod: PaymentMethodLabels;
    /** `<PricingTable/>`. Override any part of it: `{ pricingTable: { title: … } }` keeps the other strings. */
    pricingTable: PricingTableLabels;
    /** The "Change seats" opt-in, `<SubscriptionCard seatChange={SeatChange}/>`. */
    seatChange: SeatChangeLabels;
    /** `<SubscriptionCard/>`. */
    subscriptionCard: SubscriptionCardLabels;
    /** Names of subscription statuses; `canceling` is an active subscription set to cancel at period end. */
    subscriptionStatus: Record<SubscriptionStatus | 'canceling', string>;
    /** `<UsageMeter/>`. */
    usageMeter: UsageMeterLabels;
}

/**
 * What an app may pass as `labels`: any string or function, and any group (`checkout`,
 * `pricingTable`, `subscriptionStatus`, …) in part — `{ checkout: { pay: (a) => … } }`
 * keeps every other checkout string.
 */
export type BillingLabelOverrides = {
  [K in keyof BillingLabels]?: NonNullable<BillingLabels[K]> extends (...args: never[]) => unknown
    ? BillingLabels[K]
    : NonNullable<BillingLabels[K]> extends object
      ? Partial<NonNullable<BillingLabels[K]>>
      : BillingLabels[K];
};
