import type {
  CatalogueEntry,
  CheckoutSessionRecord,
  CustomerRecord,
  IdempotencyRecord,
  InvoiceDetail,
  InvoiceRecord,
  NextStep,
  OutboxRecord,
  PlanRecord,
  PriceRecord,
  ProcessorJobRecord,
  PromotionCodeRecord,
  SubscriptionDetail,
  SubscriptionRecord,
  UsageEventRecord,
  WebhookEventRecord,
} from './records';
import type { LifecycleQueries } from './lifecycleQueries';
import type { PlanChangeQueries } from './planChangeQueries';
import type { DevQueries } from './devQueries';
import type { PaymentQueries } from './paymentQueries';
import type { HistoryQueries } from './historyQueries';

export type { DevQueries } from './devQueries';

/** The fields of a subscription a write may change (its id and subject never change). */
export type SubscriptionPatch = Partial<Omit<SubscriptionRecord, 'id' | 'subject'>>;
export type { LifecycleQueries, LifecycleStep, LifecycleStepKind } from './lifecycleQueries';

/**
 * Every query of the proxy, written once in SQL against a `Db` (PGlite or PostgreSQL);
 * the queries live in one file per aggregate (`catalogueQueries.ts`, …). Methods that
 * change several rows are called inside {@link Store.transaction}, which hands the
 * callback a Store bound to that transaction.
 */
/** The outbox row {@link Store.insertUsageEvents} writes with the usage it records. */
export interface UsageForward {
  metrics: readonly string[];
  /** The billing clock's time (`created_at`). */
  created_at: Date;
  /** The wall clock's now: when the worker may first send it. */
  next_attempt_at: Date;
}

export interface Store extends LifecycleQueries, PlanChangeQueries, DevQueries, PaymentQueries, HistoryQueries {
  /** Runs `fn` in one transaction; the Store it receives writes inside it. */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;

  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;

  insertPlan(plan: PlanRecord): Promise<void>;
  insertPrice(price: PriceRecord): Promise<void>;
  setUsageLimit(planId: string | null, metric: string, limit: number | null): Promise<void>;
  insertPromotionCode(code: PromotionCodeRecord): Promise<void>;
  /**
   * Public plans with their prices, in display order, hidden plans left out. Frozen and
   * the same array while the cached catalogue holds, so callers may memoise on it.
   */
  listPublicPlans(): Promise<readonly CatalogueEntry[]>;
  getPrice(id: string): Promise<{ price: PriceRecord; plan: PlanRecord } | null>;
  getPromotionCode(code: string): Promise<PromotionCodeRecord | null>;
  /** The configured limit: `undefined` when none is configured for that metric. */
  getUsageLimit(planId: string | null, metric: string): Promise<{ limit: number | null } | undefined>;
  /** Whether any price (hidden ones too) refuses usage past its plan's limit (`at_limit: 'refuse'`); from the cached catalogue. */
  anyUsageRefused(): Promise<boolean>;

  upsertCustomer(customer: CustomerRecord): Promise<void>;
  getCustomer(id: string): Promise<CustomerRecord | null>;

  /**
   * Writes a new subscription with its next lifecycle step, which billing decides from the
   * row (`next`: `nextStepOf` in billing/lifecycleSchedule.ts; `saveNewSubscription` there).
   */
  insertSubscription(sub: SubscriptionRecord, next: NextStep): Promise<void>;
  /**
   * Changes a subscription and writes its next lifecycle step, decided by billing from
   * the row as it is after `patch` (`saveSubscription` in billing/saveSubscription.ts).
   */
  updateSubscription(id: string, patch: SubscriptionPatch, next: NextStep): Promise<void>;
  /**
   * The subject's current subscription: the newest one that is live, or canceled but
   * still inside its paid period. A subscription set to cancel at period end counts as
   * ended once that period is over.
   */
  findCurrentSubscription(subject: string, now: Date, options?: { forUpdate?: boolean }): Promise<SubscriptionDetail | null>;
  getSubscription(id: string): Promise<SubscriptionDetail | null>;
  /** The subscription the payment processor knows as `processorRef` (Stripe `sub_…`). */
  findSubscriptionByProcessorRef(processorRef: string): Promise<SubscriptionDetail | null>;

  /** Writes an invoice with its `lines`, in order. */
  insertInvoice(invoice: InvoiceRecord): Promise<void>;
  /**
   * Most recent first (created_at desc, id desc), `limit + 1` rows so callers know `has_more`;
   * a plan change's draft left out while its charge is in flight. Each with its lines.
   */
  listInvoices(subject: string, page: { limit: number; after?: InvoiceRecord }): Promise<InvoiceRecord[]>;
  getInvoice(subject: string, id: string): Promise<InvoiceDetail | null>;
  /** Reads an invoice by id (with its lines) and locks its row until the transaction ends (the object a payment pays). */
  lockInvoice(id: string): Promise<InvoiceRecord | null>;
  /** Removes a `draft` invoice and its lines (a plan change whose charge was declined); other statuses stay. */
  deleteDraftInvoice(id: string): Promise<void>;

  insertCheckoutSession(session: CheckoutSessionRecord): Promise<void>;
  getCheckoutSession(id: string, options?: { forUpdate?: boolean }): Promise<CheckoutSessionRecord | null>;
  updateCheckoutSession(id: string, patch: Partial<Omit<CheckoutSessionRecord, 'id' | 'subject'>>): Promise<void>;

  insertUsage(subject: string, metric: string, quantity: number, at: Date): Promise<void>;
  /**
   * Inserts usage events in one statement (so in one commit). Returns, per event, whether
   * it was recorded: `false` when its `idempotency_key` was already recorded for its
   * subject (earlier, or by an earlier event of the same call). With `forward`, the same
   * statement writes one outbox row (kind `meter_events`) listing the recorded events of
   * `forward.metrics`, so what is recorded is forwarded to the processor after commit,
   * exactly once per recorded event.
   */
  insertUsageEvents(events: UsageEventRecord[], forward?: UsageForward): Promise<boolean[]>;
  /** Sum of usage in `[from, to)`. */
  sumUsage(subject: string, metric: string, from: Date, to: Date): Promise<number>;

  /**
   * Claims up to `limit` pending outbox rows of `kinds` due at `now`, oldest first, by
   * moving their next attempt to `leaseUntil`; a row whose worker dies is due again then.
   * On PostgreSQL rows another process is claiming are skipped (`for update skip locked`).
   */
  claimOutbox(kinds: readonly string[], now: Date, limit: number, leaseUntil: Date): Promise<OutboxRecord[]>;
  markOutboxDone(id: string, at: Date): Promise<void>;
  markOutboxFailed(id: string, error: string, nextAttemptAt: Date): Promise<void>;

  /**
   * Writes a webhook event into the outbox (kind `webhook`), due at `next_attempt_at`: the
   * wall clock's now (the worker's clock), while `created_at` is the billing clock's.
   */
  enqueueWebhookEvent(event: { id: string; type: string; subject: string | null; payload: string; created_at: Date; next_attempt_at: Date }): Promise<void>;
  /** Pending webhook events due at `now`, oldest first (diagnostics and tests; nothing is claimed). */
  dueWebhookEvents(now: Date, limit: number): Promise<WebhookEventRecord[]>;
  /** How many webhook events are still to be delivered. */
  countPendingWebhookEvents(): Promise<number>;

  /** Queues a processor change into the outbox (in the transaction that decided it), due at `next_attempt_at` (wall clock). */
  enqueueProcessorJob(job: Omit<ProcessorJobRecord, 'attempts'> & { next_attempt_at: Date }): Promise<void>;
  /** Pending processor jobs due at `now`, oldest first (diagnostics and tests; nothing is claimed). */
  dueProcessorJobs(now: Date, limit: number): Promise<ProcessorJobRecord[]>;

  getIdempotency(scope: string, key: string): Promise<IdempotencyRecord | null>;
  /** Stores an answered key (the first answer wins). */
  putIdempotency(scope: string, key: string, record: { request_hash: string; status: number; response: string }, at: Date): Promise<void>;
  /**
   * Takes an idempotency key for a request about to run (its answer null until
   * {@link finishIdempotency}), or returns the key's record when another request has it:
   * answered (`status` set) or still running under `owner`.
   */
  claimIdempotency(scope: string, key: string, requestHash: string, owner: string, at: Date): Promise<'claimed' | IdempotencyRecord>;
  /** Takes over a key whose request is still unanswered and held by `from` (a process that is gone). True when taken. */
  takeOverIdempotency(scope: string, key: string, from: string | null, owner: string): Promise<boolean>;
  /** Stores the answer of the request holding the key. */
  finishIdempotency(scope: string, key: string, record: { status: number; response: string }): Promise<void>;
  /** Gives back a key whose request ended without an answer worth replaying (an error that is not a decline). */
  releaseIdempotency(scope: string, key: string, owner: string): Promise<void>;
}
