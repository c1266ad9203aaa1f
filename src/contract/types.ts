/**
 * Wire types of the billing proxy, field for field as the API documents them
 * (snake_case kept: nothing renames them on the way to the UI). Where Billkit adds a
 * field beyond the documents, its TSDoc says so.
 */

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
  model: 'recurring' | 'one_time';
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

/**
 * One tier of a usage price: `unit_amount` minor units per `per` units (`200` per `1000`
 * = $2.00 per 1,000 calls) for the units of the period up to `up_to`. `up_to` counts the
 * period's total units, included units among them; `null` on the last tier (no bound).
 */
export interface UsageTier {
  up_to: number | null;
  unit_amount: number;
  per: number;
}

/** A usage component of a price: one metric billed in arrears at each period end. */
export interface PriceUsage {
  metric: string;
  /** Units of each period that are free; they count toward the tiers' `up_to`. */
  included: number;
  /**
   * `graduated`: each tier prices the units that fall in it. `volume`: every billable unit
   * is priced at the tier the period's total falls in.
   */
  mode: 'graduated' | 'volume';
  tiers: UsageTier[];
  /**
   * What happens at the plan's usage `limit` (`GET /usage`'s): `refuse`: usage is recorded
   * up to the limit, then `POST /usage` answers 429 `usage_limit_exceeded`; `bill`:
   * usage past the limit is recorded and billed.
   */
  at_limit: 'refuse' | 'bill';
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
  /** `currency` is a Billkit addition so the price can be formatted without `GET /plans`. */
  price: { id: string; amount: number; interval: Interval | null; currency: string };
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
}

/** `GET /usage?metric=…`. `limit: null` means unlimited. */
export interface UsageSummary {
  metric: string;
  quantity: number;
  period_start: string;
  period_end: string;
  limit: number | null;
  /**
   * Billkit addition: the units of the period the subject's price includes for this metric;
   * `null` when its price bills no usage of it (then `amount` is 0).
   */
  included?: number | null;
  /** Billkit addition: the units so far beyond `included`. */
  billable_quantity?: number;
  /** Billkit addition: what the usage so far costs, in minor units (rounded as the invoice line will be). */
  amount?: number;
  /** Billkit addition: the currency of `amount`; `null` without a subscription. */
  currency?: string | null;
  /**
   * Billkit addition: the period's usage and cost at its end if usage goes on at the rate so
   * far (`quantity × period length / elapsed`, rounded down); the current figures when less
   * than an hour has elapsed or nothing was used.
   */
  projection?: { quantity: number; amount: number };
}

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
  /**
   * Billkit addition: what the invoice charges for, in order; `amount_due` is their sum.
   * The reference proxy always sends it; a proxy that follows the seed document alone may
   * leave it out.
   */
  lines?: InvoiceLine[];
}

/** What an invoice line charges for. `discount` lines (promotions, a customer balance spent) are negative. */
export type InvoiceLineKind = 'subscription' | 'seats' | 'usage' | 'proration' | 'discount';

/** One line of an invoice; amounts in minor units. */
export interface InvoiceLine {
  kind: InvoiceLineKind;
  description: string;
  quantity: number;
  /** `null` on usage lines: their `tiers` carry the prices. */
  unit_amount: number | null;
  amount: number;
  period_start: string | null;
  period_end: string | null;
  /** The metric of a usage line; `null` on other lines. */
  metric: string | null;
  /** The tiers a usage line applied, with the units and amount of each; `null` on other lines. */
  tiers: InvoiceLineTier[] | null;
}

/**
 * A tier as a usage line applied it: its `quantity` of billable units and their exact
 * `amount` (`quantity × unit_amount / per`, not rounded: the line rounds once, half up).
 */
export interface InvoiceLineTier extends UsageTier {
  quantity: number;
  amount: number;
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

/** Card details as a card form collects them: the one card shape of browser and proxy. */
export interface CardDetails {
  /** Digits, spaces allowed. */
  number: string;
  exp_month: number;
  /** Four digits (`2030`) or two (`30`). */
  exp_year: number;
  cvc: string;
  postal_code?: string;
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
}

/** Billkit addition: `POST /subscription/preview` and `POST /subscription/change` body. */
export interface PlanChangeRequest {
  price_id: string;
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

/** Billkit addition: the card on file of the caller (`GET /payment-method`). */
export interface PaymentMethod {
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
}

/** `GET /payment-method` answer. */
export interface PaymentMethodResponse {
  payment_method: PaymentMethod | null;
}

/** Billkit addition: `POST /payment-method/setup` answer (like a Stripe SetupIntent). */
export interface PaymentMethodSetup {
  setup_id: string;
  client_secret: string;
  processor: 'test' | 'stripe';
  /** With Stripe only. */
  publishable_key?: string;
}

/**
 * Billkit addition: `POST /payment-method/setup/:setup_id/confirm` body. `card` with the
 * test processor; with Stripe only `client_secret`, after the PaymentElement confirmed the
 * SetupIntent in the browser (a `card` is then refused).
 */
export interface ConfirmPaymentMethodSetupRequest {
  client_secret: string;
  card?: CardDetails;
}

/** Billkit addition: `POST /payment-method/setup/:setup_id/authenticate` body. */
export interface AuthenticatePaymentMethodSetupRequest {
  client_secret: string;
  approve: boolean;
}

/**
 * Answer of `POST /payment-method/setup/:setup_id/confirm` (and `/authenticate`):
 * the attached card, or a 3-D Secure challenge to answer with `/authenticate`.
 */
export type ConfirmPaymentMethodSetupResponse =
  | { status: 'succeeded'; payment_method: PaymentMethod }
  | { status: 'requires_action'; next_action: { type: 'authenticate' } };

/** `POST /invoices/:id/pay` answer. */
export interface PayInvoiceResponse {
  invoice: Invoice;
}
