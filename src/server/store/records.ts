import type { Interval, InvoiceLineKind, InvoiceLineTier, InvoiceStatus, PriceUsage, SubscriptionStatus } from '../../contract/types';

/** Rows of the store as the billing rules see them: camel-free, `Date` for timestamps. */

export type SubjectKind = 'user' | 'org';

export interface PlanRecord {
  id: string;
  key: string;
  name: string;
  description: string | null;
  features: string[];
  recommended: boolean;
  hidden: boolean;
  /**
   * The plan's trial in days: the longest trial a checkout may ask for (`trial_days` may
   * only shorten it); `null` when the plan has no trials.
   */
  trial_period_days: number | null;
  /** Whether a checkout naming no `trial_days` gets the plan's whole trial (else trials are by request). */
  trial_by_default: boolean;
  sort_order: number;
}

export interface PriceRecord {
  id: string;
  plan_id: string;
  amount: number;
  currency: string;
  interval: Interval | null;
  /** `per_unit`: `amount` is per unit (a seat), billed times the subscription's quantity. */
  model: 'recurring' | 'one_time' | 'per_unit';
  sort_order: number;
  /** The usage it bills in arrears, one component per metric (absent or empty: none). */
  usage?: readonly PriceUsage[];
  /** What a unit of a per-unit price is called ("seat"); null/absent for flat prices. */
  unit_label?: string | null;
  /** The fewest units a per-unit price is sold in (null/absent: 1). */
  min_quantity?: number | null;
  /** The most units a per-unit price is sold in (null/absent: no limit). */
  max_quantity?: number | null;
}

export interface PromotionCodeRecord {
  code: string;
  percent_off: number | null;
  amount_off: number | null;
  currency: string | null;
  duration: 'once' | 'repeating' | 'forever';
  duration_in_months: number | null;
  expires_at: Date | null;
}

export interface CustomerRecord {
  id: string;
  kind: SubjectKind;
  name: string | null;
  email: string | null;
  created_at: Date;
}

export interface SubscriptionRecord {
  id: string;
  subject: string;
  price_id: string;
  status: SubscriptionStatus;
  current_period_start: Date;
  current_period_end: Date;
  cancel_at_period_end: boolean;
  trial_end: Date | null;
  canceled_at: Date | null;
  /** When it ended (access stopped); null while it runs, including while pending cancellation. */
  ended_at: Date | null;
  promotion_code: string | null;
  created_at: Date;
  /**
   * The payment processor's own id of this subscription (Stripe `sub_…`) when the
   * processor created it; `null` for the test processor's (they live only in the store).
   */
  processor_ref: string | null;
  /**
   * The price a downgrade switches to at the end of the current period
   * (applied by the renewal); `null`/absent when no change is pending.
   */
  pending_price_id?: string | null;
  /** When `subscription.trial_will_end` was sent (once per trial); null/absent before. */
  trial_will_end_sent_at?: Date | null;
  /** When a `paused` subscription resumes by itself; null/absent: paused until resumed. */
  resume_at?: Date | null;
  /** Units billed (seats of a per-unit price); 1 for flat prices. */
  quantity: number;
  /**
   * The quantity a pending change switches to at the period end (a seat decrease, or the
   * 1 of a flat price a downgrade goes to); null/absent: no change of quantity pending.
   */
  pending_quantity?: number | null;
}

/** The lifecycle steps a subscription's own row schedules (an open invoice's `retry` is the other kind). */
export type SubscriptionStepKind = 'period_end' | 'trial_will_end' | 'resume';

/**
 * A subscription's next lifecycle step (`kind` and `at` both null: none), as billing's
 * schedule rule decided it (`nextStepOf` in billing/lifecycleSchedule.ts). The store
 * writes it into the row's `next_step_kind` / `next_step_at` with every insert and update
 * of a subscription, and never decides it; its claim query only reads it. `decidedBy`
 * marks the rule's own answer, so a write cannot pass a schedule made up beside it.
 */
export interface NextStep {
  readonly kind: SubscriptionStepKind | null;
  readonly at: Date | null;
  readonly decidedBy: 'lifecycleSchedule';
}

/** A public plan of the catalogue with its prices in display order (what `GET /plans` is built from). */
export interface CatalogueEntry extends PlanRecord {
  prices: readonly PriceRecord[];
}

/** A subscription with the price and plan it is on. */
export interface SubscriptionDetail extends SubscriptionRecord {
  price: PriceRecord;
  plan: PlanRecord;
  /** The pending change's price and plan (`pending_price_id`), when one is pending. */
  pending?: { price: PriceRecord; plan: PlanRecord } | null;
}

export interface InvoiceRecord {
  id: string;
  subject: string;
  subscription_id: string | null;
  amount_due: number;
  amount_paid: number;
  currency: string;
  status: InvoiceStatus;
  period_start: Date;
  period_end: Date;
  subtotal: number;
  discount_amount: number;
  discount_description: string | null;
  created_at: Date;
  /** What it charges for, in order: `amount_due` is their sum (discount lines negative). */
  lines: InvoiceLineRecord[];
}

export interface InvoiceLineRecord {
  kind: InvoiceLineKind;
  description: string;
  quantity: number;
  /** `null` on usage lines (their tiers carry the prices). */
  unit_amount: number | null;
  amount: number;
  period_start: Date | null;
  period_end: Date | null;
  /** A usage line's metric and the tiers it applied; `null` on other lines. */
  metric: string | null;
  tiers: InvoiceLineTier[] | null;
}

export interface InvoiceDetail extends InvoiceRecord {
  number: number;
}

export type CheckoutSessionStatus = 'open' | 'requires_action' | 'complete';

export interface CheckoutSessionRecord {
  id: string;
  subject: string;
  subject_kind: SubjectKind;
  price_id: string;
  /** Units bought (seats of a per-unit price); 1 for flat prices. */
  quantity: number;
  promotion_code: string | null;
  trial_days: number | null;
  success_url: string;
  cancel_url: string;
  ui_mode: 'hosted' | 'embedded';
  client_secret: string;
  status: CheckoutSessionStatus;
  amount_subtotal: number;
  amount_discount: number;
  amount_due_today: number;
  currency: string;
  payment_id: string | null;
  paid_at: Date | null;
  fulfilled_at: Date | null;
  activated_at: Date | null;
  subscription_id: string | null;
  expires_at: Date;
  created_at: Date;
}

/**
 * One after-commit job in the `outbox` table: written in the transaction that decided it,
 * carried out by the outbox worker with retries until done. `kind` picks the handler
 * (`webhook`: POST the payload to the webhook URL; `cancel_subscription`: cancel the
 * processor's subscription); `payload` is the job's JSON (for webhooks, the event body).
 */
export interface OutboxRecord {
  /** Creation order across the outbox (webhooks carry it as `sequence`). */
  seq: number;
  id: string;
  kind: string;
  subject: string | null;
  payload: string;
  created_at: Date;
  /** Failed attempts so far: the next delay is `retryBaseMs · 2^attempts`. */
  attempts: number;
}

/** A webhook event in the outbox (kind `webhook`). */
export interface WebhookEventRecord {
  id: string;
  type: string;
  payload: string;
  created_at: Date;
  attempts: number;
  next_attempt_at: Date;
}

/** A change the payment processor must still make (an outbox row of kind `cancel_subscription`), done after commit with retries. */
export interface ProcessorJobRecord {
  id: string;
  /** `cancel_subscription`: cancel the processor's subscription at once (a plan switch replaced it). */
  kind: 'cancel_subscription';
  subscription_id: string;
  processor_ref: string;
  subject: string;
  created_at: Date;
  attempts: number;
}

export interface IdempotencyRecord {
  request_hash: string;
  /** Null while the request that holds the key is still running. */
  status: number | null;
  response: string | null;
  /** The process running it (see `Store.isOwnerAlive`). */
  owner: string | null;
}

/** The subject's card on file: what the processor charges for renewals and retries. */
export interface PaymentMethodRecord {
  subject: string;
  /** The processor's handle on the card (test processor `pm_card_…`, Stripe `pm_…`). */
  processor_ref: string;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  created_at: Date;
}

/** One metered event to record; `idempotency_key` (unique per subject) makes a retry count once. */
export interface UsageEventRecord {
  subject: string;
  metric: string;
  quantity: number;
  recorded_at: Date;
  idempotency_key: string | null;
}

/** A credit the subject holds (a net proration credit), taken off its next invoices. */
export interface CustomerBalanceRecord {
  subject: string;
  /** Minor units of credit, positive. */
  amount: number;
  currency: string;
}

/** A card being attached (`POST /payment-method/setup`), like a Stripe SetupIntent. */
export interface PaymentMethodSetupRecord {
  id: string;
  subject: string;
  client_secret: string;
  status: 'requires_payment_method' | 'requires_action' | 'succeeded';
  /** The processor's pending authentication (3-D Secure), while `requires_action`. */
  payment_id: string | null;
  expires_at: Date;
  created_at: Date;
}

/** What a payment is for: which rule made it, and so which rule settles it. */
export type PaymentPurpose = 'checkout' | 'plan_change' | 'invoice_pay' | 'renewal' | 'retry' | 'devtools';

/** `pending`: asked of the processor, outcome not yet written. `refunded`: succeeded, then given back. */
export type PaymentStatus = 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'refunded';

/** A plan change decided under the subscription's lock, applied once its charge succeeds. */
export interface PlannedChange {
  price_id: string;
  /** The quantity after the change (absent in changes decided before quantities: 1). */
  quantity?: number;
  from_price_id: string;
  /** The quantity the change was decided from (absent: 1). */
  from_quantity?: number;
  from_period_end: string;
  period_start: string;
  period_end: string;
  balance_after: number;
}

/** One charge the proxy asked (or is about to ask) a processor for: the payment ledger's row. */
export interface PaymentRecord {
  id: string;
  subject: string;
  /** What is paid: an invoice (`in_…`) or a checkout session (`sess_…`). */
  object_kind: 'invoice' | 'checkout';
  object_id: string;
  subscription_id: string | null;
  purpose: PaymentPurpose;
  /** 1, 2, … per object. */
  attempt: number;
  /** The processor's idempotency key: `<object id>:<attempt>`, so the same attempt is never two charges. */
  idempotency_key: string;
  amount: number;
  currency: string;
  status: PaymentStatus;
  /** The proxy process that made it (see {@link PaymentQueries.isOwnerAlive}). */
  owner: string;
  /** The request's `Idempotency-Key`, when it had one: its retry is answered from this payment. */
  request_key: string | null;
  plan: PlannedChange | null;
  processor_payment_id: string | null;
  failure_code: string | null;
  failure_message: string | null;
  refund_id: string | null;
  created_at: Date;
  settled_at: Date | null;
}

/** An entry of the built-in test processor's ledger (a charge or a refund), by idempotency key. */
export interface TestProcessorCharge {
  idempotency_key: string;
  kind: 'charge' | 'refund';
  payment_id: string;
  amount: number;
  currency: string;
  /** `succeeded`, `failed` or `requires_action` (3-D Secure pending), as the processor answered. */
  status: string;
  /** The processor's whole answer, replayed for the same key. */
  result: unknown;
  description: string;
  created_at: Date;
}
