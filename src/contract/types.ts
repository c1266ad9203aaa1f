/**
 * Wire types of the billing proxy, field for field as the API documents them
 * (snake_case kept: nothing renames them on the way to the UI). Where Billkit adds a
 * field beyond the documents, its TSDoc says so.
 */

import type { CardDetails } from './paymentMethodTypes';
import type { InvoiceLine, PriceUsage } from './usageTypes';

// The usage, line, card and card-on-file shapes live beside (usageTypes.ts, paymentMethodTypes.ts); exported from here.
export type { InvoiceLine, InvoiceLineKind, InvoiceLineTier, PriceUsage, UsageSummary, UsageTier } from './usageTypes';
export type {
  AuthenticatePaymentMethodSetupRequest,
  CardDetails,
  ConfirmPaymentMethodSetupRequest,
  ConfirmPaymentMethodSetupResponse,
  PaymentMethod,
  PaymentMethodResponse,
  PaymentMethodSetup,
} from './paymentMethodTypes';

/** A billing interval of a recurring price. */
export type Interval = 'day' | 'week' | 'month' | 'year';

/** A price of a plan. `amount` is in the currency's minor units (900 = $9.00, 900 = ¥900). */
export interface Price {
  id: string;
  amount: number;
  /** ISO 4217 code, lower case (`usd`, `eur`, `jpy`). */
  currency: string;
  /** `null` for one-time prices. */
  interval: Interval | null;
  /**
   * `per_unit`: `amount` is per unit (a seat) and a subscription is charged it times its
   * `quantity`; `recurring` and `one_time` are flat prices (quantity 1).
   */
  model: 'recurring' | 'one_time' | 'per_unit';
  /** Billkit addition: what one unit of a `per_unit` price is called (`"seat"`); `null` for flat prices. */
  unit_label?: string | null;
  /** Billkit addition: the fewest units a `per_unit` price is sold in (`null`: 1). */
  min_quantity?: number | null;
  /** Billkit addition: the most units a `per_unit` price is sold in (`null`: no limit). */
  max_quantity?: number | null;
  /**
   * Billkit addition: the plan's trial in days, the longest trial a checkout of this price
   * may start (`trial_days` may only shorten it); `null` when the plan has no trials.
   * Optional only for hand-made fixtures: the proxy always sends it.
   */
  trial_period_days?: number | null;
  /**
   * Billkit addition: the usage this price bills in arrears, one component per metric
   * (empty when the price bills no usage). Optional only for hand-made fixtures: the
   * proxy always sends it.
   */
  usage?: PriceUsage[];
}

/** A public plan, as `GET /plans` lists it. */
export interface Plan {
  id: string;
  name: string;
  description: string | null;
  /** Feature keys, e.g. `basic_analytics`, `5_seats`. */
  features: string[];
  recommended: boolean;
  prices: Price[];
  /** Billkit addition: whether checkout may start a trial for this plan (its prices have `trial_period_days`). */
  trial_allowed?: boolean;
  /**
   * Billkit addition: whether a checkout naming no `trial_days` starts the plan's whole
   * trial (for an eligible subject); `false`: the trial is by request (`trial_days`).
   */
  trial_by_default?: boolean;
  /**
   * Billkit addition, when `GET /plans` is called with a user's session token: whether
   * this subject may start this plan's trial. `false` when the plan has no trials, or the
   * subject already had a trial or a paid subscription (one trial per subject; asking
   * for one is then 400 `trial_already_used`).
   */
  trial_eligible?: boolean;
}

export interface PlansResponse {
  plans: Plan[];
}

export type SubscriptionStatus =
  | 'active'
  | 'trialing'
  | 'past_due'
  | 'canceled'
  | 'paused'
  | 'incomplete';

/** The caller's subscription, as `GET /subscription` returns it. */
export interface Subscription {
  id: string;
  plan: { id: string; name: string };
  /**
   * `currency` is a Billkit addition so the price can be formatted without `GET /plans`;
   * so are, on a `per_unit` price only, `model: 'per_unit'`, `unit_label` and its quantity
   * bounds (as in `Price`); a flat price answers without them.
   */
  price: {
    id: string;
    amount: number;
    interval: Interval | null;
    currency: string;
    model?: Price['model'];
    unit_label?: string | null;
    min_quantity?: number | null;
    max_quantity?: number | null;
  };
  status: SubscriptionStatus;
  current_period_start: string;
  current_period_end: string;
  cancel_at_period_end: boolean;
  trial_end: string | null;
  /**
   * Billkit addition (Stripe's meaning): when the subscription was canceled; for a
   * cancellation at period end, when it was asked for. `null` when not canceled.
   */
  canceled_at: string | null;
  /** Billkit addition: when the subscription ended (an immediate cancel: at once); `null` while it runs. */
  ended_at: string | null;
  /**
   * Billkit addition, on `GET /subscription` when `past_due` or `incomplete`: the open
   * invoice being collected, and when it is retried next (`null`: no retry scheduled).
   */
  latest_invoice?: { id: string; amount_due: number; currency: string; status: InvoiceStatus; next_payment_attempt: string | null } | null;
  /**
   * Billkit addition, on `GET /subscription` while `trialing`: what the trial's end will
   * charge and when; `days_until` counts whole days to it by the proxy's clock.
   */
  upcoming_invoice?: { amount_due: number; currency: string; date: string; days_until: number } | null;
  /**
   * Billkit addition: a plan change waiting for the period end (a downgrade),
   * `null` when none. The proxy always sends it; optional only for hand-made fixtures.
   */
  pending_change?: PendingChange | null;
  /**
   * Billkit addition: the units billed (seats of a `per_unit` price; each period charges
   * `price.amount × quantity`); 1 for flat prices. The proxy always sends it.
   */
  quantity?: number;
}

export interface SubscriptionResponse {
  subscription: Subscription | null;
}

/** `POST /checkout` body. */
export interface CheckoutRequest {
  price_id: string;
  success_url: string;
  cancel_url: string;
  promotion_code?: string;
  trial_days?: number;
  /**
   * Billkit addition: units to buy of a `per_unit` price (default its `min_quantity`, or 1),
   * within its `min_quantity`..`max_quantity`; a flat price takes only 1.
   */
  quantity?: number;
  /** `hosted` (default): redirect to `checkout_url`. `embedded`: pay in the page with `<CheckoutForm/>`. */
  ui_mode?: 'hosted' | 'embedded';
}

/** `POST /checkout` answer. Embedded sessions add what the in-page form needs. */
export interface CheckoutSession {
  checkout_url: string;
  session_id: string;
  /** Embedded mode only: the secret that lets the page confirm this session's payment. */
  client_secret?: string;
  /** Embedded mode only: which processor collects the payment. */
  processor?: 'test' | 'stripe';
  /** Embedded mode with Stripe only. */
  publishable_key?: string;
}

/** `GET /entitlements`. All three are empty (`null`, `null`, `[]`) without a subscription. */
export interface Entitlements {
  /** The plan's key, e.g. `"pro"` for `plan_pro`. */
  plan: string | null;
  status: SubscriptionStatus | null;
  features: string[];
  /**
   * Billkit addition: the seats (quantity) of a `per_unit` subscription. Absent (read it as
   * `null`) for flat prices and without a subscription, so those answers stay the documented shape.
   */
  seats?: number | null;
}

/** `GET /usage?metric=…`. `limit: null` means unlimited. */
export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';

export interface Invoice {
  id: string;
  amount_due: number;
  amount_paid: number;
  currency: string;
  status: InvoiceStatus;
  period_start: string;
  period_end: string;
  created_at: string;
  pdf_url: string;
  /**
   * Billkit addition (as Stripe's invoices have it): the id of the subscription the invoice
   * bills, or `null` for one outside a subscription. The reference proxy always sends it;
   * a proxy that follows the seed document alone may leave it out.
   */
  subscription?: string | null;
  /** Billkit addition: what it charges for, in order; `amount_due` is their sum (always sent by the reference proxy). */
  lines?: InvoiceLine[];
}

/** `GET /invoices?limit=&starting_after=`: most recent first. */
export interface InvoicesPage {
  invoices: Invoice[];
  has_more: boolean;
}

/** `POST /api/v1/billing/activate` answer. */
export interface ActivateResponse {
  success: true;
}

/** The error body of every non-2xx JSON answer. */
export interface ErrorBody {
  error: { code: string; message: string; param?: string };
}

/**
 * Billkit addition: `GET /checkout/:session_id`, what an in-page checkout shows before
 * the payment is confirmed (plan, price, promotion, trial and the amount due today).
 */
export interface CheckoutSessionSummary {
  session_id: string;
  status: 'open' | 'complete' | 'expired';
  plan: { id: string; name: string };
  price: { id: string; amount: number; currency: string; interval: Interval | null };
  promotion: {
    code: string;
    percent_off: number | null;
    amount_off: number | null;
    duration: string;
  } | null;
  trial_days: number | null;
  /**
   * Billkit addition: units bought (seats of a `per_unit` price; 1 for flat prices).
   * `price.amount` is the unit price and `amount_subtotal` = `price.amount × quantity`.
   */
  quantity?: number;
  /** Billkit addition: what a unit is called (`"seat"`), `null` for flat prices. */
  unit_label?: string | null;
  amount_subtotal: number;
  amount_discount: number;
  amount_due_today: number;
  currency: string;
  expires_at: string;
  /** Set once the checkout completed and created the subscription. */
  subscription_id: string | null;
}

/** Billkit addition: `POST /checkout/:session_id/confirm` body (test processor's card form). */
export interface ConfirmCheckoutRequest {
  /** The embedded session's `client_secret` from `POST /checkout`. */
  client_secret: string;
  card: CardDetails;
}

/**
 * Billkit addition: `POST /checkout/:session_id/confirm` (and `/authenticate`) answer.
 * `requires_action` means the card asks for authentication (3-D Secure test cards):
 * follow up with `POST /checkout/:session_id/authenticate`.
 */
export type ConfirmCheckoutResponse =
  | { status: 'succeeded'; subscription: Subscription }
  | { status: 'requires_action'; next_action: { type: 'authenticate' } };

/** Billkit addition: `POST /checkout/:session_id/authenticate` body: the user's answer to the challenge. */
export interface AuthenticateCheckoutRequest {
  client_secret: string;
  approve: boolean;
}

/**
 * Billkit addition: a plan change decided for the end of the current period
 * (a downgrade). `price` is the price the renewal will charge; `effective_at` the period end.
 */
export interface PendingChange {
  price: { id: string; amount: number; interval: Interval | null; currency: string };
  /** The plan the pending price belongs to. */
  plan: { id: string; name: string };
  effective_at: string;
  /** Billkit addition: the quantity the renewal will bill (a seat decrease waits for it); 1 for flat prices. */
  quantity?: number;
}

/**
 * Billkit addition: `POST /subscription/preview` body. At least one of `price_id` and
 * `quantity`: `price_id` defaults to the current price, `quantity` to the current one on a
 * `per_unit` price (its `min_quantity` coming from a flat price; 1 for a flat target).
 */
export type PlanChangePreviewRequest = Omit<PlanChangeRequest, 'proration_date'>;

/** Billkit addition: `POST /subscription/change` body; `price_id` and `quantity` as the preview's. */
export interface PlanChangeRequest {
  price_id?: string;
  /** Units (seats) of a `per_unit` price: more is charged now, prorated; fewer waits for the period end. */
  quantity?: number;
  /**
   * `POST /subscription/change` only: the `proration_date` of the preview the customer saw,
   * so the change is priced at that instant and charges exactly what the preview showed
   * (Stripe's `proration_date`). At most an hour old and within the current period.
   */
  proration_date?: string;
}

/** One line of a plan change preview: a credit (negative) or a charge, for a span of time. */
export interface PlanChangeLine {
  description: string;
  /** Minor units; negative for the credit of the unused time of the current price. */
  amount: number;
  period_start: string;
  period_end: string;
  /** `true` for the prorated credit and charge lines, `false` for a full-period line. */
  proration: boolean;
}

/**
 * Billkit addition: `POST /subscription/preview` answer's `preview`. `effective: "now"`
 * changes (upgrades, monthly→yearly, any change while trialing) are charged today;
 * `"period_end"` changes (downgrades) charge nothing today.
 */
export interface PlanChangePreview {
  price: { id: string; amount: number; interval: Interval | null; currency: string };
  plan: { id: string; name: string };
  effective: 'now' | 'period_end';
  /** Billkit addition: the quantity after the change (seats of a `per_unit` price; 1 for flat prices). */
  quantity?: number;
  lines: PlanChangeLine[];
  /** Never negative: a net credit is kept as the customer's balance for the next invoice. */
  amount_due_today: number;
  currency: string;
  /** The next regular invoice after the change (its amount net of any credit carried). */
  next_invoice: { amount: number; date: string };
  /** The instant the amounts are priced at; send it back with the change to be charged exactly this. */
  proration_date: string;
}

/** `POST /subscription/preview` answer. */
export interface PlanChangePreviewResponse {
  preview: PlanChangePreview;
}

/** `POST /invoices/:id/pay` answer. */
export interface PayInvoiceResponse {
  invoice: Invoice;
}
