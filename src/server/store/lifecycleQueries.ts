import type { PaymentMethodRecord, SubscriptionStepKind } from './records';

/**
 * The kinds of work the lifecycle engine does, each due at an instant: the steps a
 * subscription's row schedules, and `retry`, the charge of an open invoice (`next_payment_attempt`).
 */
export type LifecycleStepKind = SubscriptionStepKind | 'retry';

/** One due step: which row it concerns and when it falls due. */
export interface LifecycleStep {
  kind: LifecycleStepKind;
  /** The subscription it concerns (`retry`: the subscription of the invoice). */
  subscriptionId: string;
  /** `retry` only: the open invoice to charge again. */
  invoiceId: string | null;
  due: Date;
  /** Failed attempts in a row of this subscription's steps (see `deferLifecycle`). */
  failures: number;
}

/** Dunning state of an invoice (Stripe's `attempt_count` / `next_payment_attempt`). */
export interface InvoiceAttempts {
  attempt_count: number;
  next_payment_attempt: Date | null;
}

/** The lifecycle engine's queries; part of {@link Store}. */
export interface LifecycleQueries {
  /**
   * The earliest lifecycle step due at or before `until`, or null: a subscription's next
   * step as billing scheduled it (`next_step_at`), or an open invoice's charge. Subscriptions the
   * payment processor holds (`processor_ref`, Stripe) are left out: the processor runs them;
   * so are invoices with a payment in flight (the payment ledger's `pending`). `wallNow` (real time)
   * tells which subscriptions a failed step put off. With `lock` (inside a transaction) the row is locked `FOR UPDATE SKIP LOCKED`, so
   * several proxies on one database each claim a different step.
   */
  nextLifecycleStep(until: Date, options?: { lock?: boolean; wallNow?: Date }): Promise<LifecycleStep | null>;
  /**
   * Puts off the lifecycle of a subscription whose step threw: its steps are not due again
   * before `now` + `firstDelayMs` × 2^(failures so far), at most an hour (wall-clock times).
   * Returns the failures counted and when its steps are due again.
   */
  deferLifecycle(subscriptionId: string, now: Date, firstDelayMs: number): Promise<{ failures: number; retryAt: Date }>;
  /** Forgets the failures of a subscription whose step ran (only called when it had some). */
  clearLifecycleFailures(subscriptionId: string): Promise<void>;
  getInvoiceAttempts(invoiceId: string): Promise<InvoiceAttempts | null>;
  /** Records a payment attempt's outcome on an invoice. */
  updateInvoicePayment(
    invoiceId: string,
    patch: { status?: 'open' | 'paid' | 'uncollectible'; amount_paid?: number } & Partial<InvoiceAttempts>,
  ): Promise<void>;
  /** The subject's card on file, or null. */
  getPaymentMethod(subject: string): Promise<PaymentMethodRecord | null>;
  /** Remembers (or replaces) the subject's card on file. */
  savePaymentMethod(method: PaymentMethodRecord): Promise<void>;
  /** Open invoices of a subscription, oldest first. */
  openInvoiceIds(subscriptionId: string): Promise<string[]>;
}

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

// The subscription whose next step (next_step_at, written by billing with every write of
// the row) is the earliest due by $1. When a step is due, and which, is billing's rule
// (billing/lifecycleSchedule.ts); this only claims in that order.
const SUBSCRIPTION_DUE = `
  select id, next_step_kind, next_step_at, lifecycle_failures
  from subscriptions
  where next_step_at <= $1 and processor_ref is null
    and (lifecycle_retry_at is null or lifecycle_retry_at <= $2)
  order by next_step_at, seq
  limit 1`;

const RETRY_DUE = `
  select i.id, i.subscription_id, i.next_payment_attempt as due, s.lifecycle_failures
  from invoices i join subscriptions s on s.id = i.subscription_id
  where i.status = 'open' and i.next_payment_attempt <= $1 and s.processor_ref is null
    and not exists (select 1 from payments p where p.object_kind = 'invoice' and p.object_id = i.id and p.status = 'pending')
    and (s.lifecycle_retry_at is null or s.lifecycle_retry_at <= $2)
  order by i.next_payment_attempt, i.number
  limit 1`;

/** The SQL behind {@link LifecycleQueries}, over one database session. */
export function lifecycleQueries(q: <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>): LifecycleQueries {
  return {
    async nextLifecycleStep(until, options) {
      const wall = options?.wallNow ?? until;
      const subStep = async (lock: boolean): Promise<LifecycleStep | null> => {
        // A subscription whose step failed lately waits out its delay (by the wall clock).
        const s = (await q(SUBSCRIPTION_DUE + (lock ? ' for update of subscriptions skip locked' : ''), [until, wall]))[0];
        if (!s) return null;
        const kind = s.next_step_kind as SubscriptionStepKind;
        return { kind, subscriptionId: s.id as string, invoiceId: null, due: date(s.next_step_at), failures: Number(s.lifecycle_failures) };
      };
      const retryStep = async (lock: boolean): Promise<LifecycleStep | null> => {
        // The subscription's row is locked too, so no other proxy runs its period end meanwhile.
        // An invoice the customer is paying right now (a pending payment) is not charged
        // meanwhile: it is paid, or due again once that payment is settled.
        const r = (await q(RETRY_DUE + (lock ? ' for update of i, s skip locked' : ''), [until, wall]))[0];
        return r ? { kind: 'retry', subscriptionId: r.subscription_id as string, invoiceId: r.id as string, due: date(r.due), failures: Number(r.lifecycle_failures) } : null;
      };
      // Which kind is earliest is decided without locks; only that kind's row is then
      // claimed, so a transaction never holds a lock on work it will not do.
      const sub = await subStep(false);
      const retry = await retryStep(false);
      if (!sub && !retry) return null;
      const retryFirst = retry !== null && (sub === null || retry.due.getTime() < sub.due.getTime());
      if (!options?.lock) return retryFirst ? retry : sub;
      // Another proxy may hold every due row of the earlier kind: then take the other kind's.
      return retryFirst ? ((await retryStep(true)) ?? (sub ? subStep(true) : null)) : ((await subStep(true)) ?? (retry ? retryStep(true) : null));
    },
    async deferLifecycle(subscriptionId, now, firstDelayMs) {
      const rows = await q<{ lifecycle_failures: number; lifecycle_retry_at: unknown }>(
        `update subscriptions
           set lifecycle_failures = lifecycle_failures + 1,
               lifecycle_retry_at = $2::timestamptz + least($3::float8 * power(2, lifecycle_failures), 3600000) * interval '1 millisecond'
         where id = $1
         returning lifecycle_failures, lifecycle_retry_at`,
        [subscriptionId, now, firstDelayMs],
      );
      const r = rows[0];
      return { failures: Number(r?.lifecycle_failures ?? 0), retryAt: r ? date(r.lifecycle_retry_at) : now };
    },
    async clearLifecycleFailures(subscriptionId) {
      await q(`update subscriptions set lifecycle_failures = 0, lifecycle_retry_at = null where id = $1`, [subscriptionId]);
    },
    async getInvoiceAttempts(invoiceId) {
      const rows = await q(`select attempt_count, next_payment_attempt from invoices where id = $1`, [invoiceId]);
      const r = rows[0];
      if (!r) return null;
      return {
        attempt_count: Number(r.attempt_count),
        next_payment_attempt: r.next_payment_attempt === null ? null : date(r.next_payment_attempt),
      };
    },
    async updateInvoicePayment(invoiceId, patch) {
      const keys = (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => patch[k] !== undefined);
      if (keys.length === 0) return;
      const sets = keys.map((k, i) => `"${k}" = $${i + 2}`).join(', ');
      await q(`update invoices set ${sets} where id = $1`, [invoiceId, ...keys.map((k) => patch[k])]);
    },
    async getPaymentMethod(subject) {
      const rows = await q(`select * from payment_methods where subject = $1`, [subject]);
      const r = rows[0];
      if (!r) return null;
      return {
        subject: r.subject as string,
        processor_ref: r.processor_ref as string,
        brand: r.brand as string,
        last4: r.last4 as string,
        exp_month: Number(r.exp_month),
        exp_year: Number(r.exp_year),
        created_at: date(r.created_at),
      };
    },
    async savePaymentMethod(m) {
      await q(
        `insert into payment_methods (subject, processor_ref, brand, last4, exp_month, exp_year, created_at)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (subject) do update set processor_ref = excluded.processor_ref, brand = excluded.brand,
           last4 = excluded.last4, exp_month = excluded.exp_month, exp_year = excluded.exp_year, created_at = excluded.created_at`,
        [m.subject, m.processor_ref, m.brand, m.last4, m.exp_month, m.exp_year, m.created_at],
      );
    },
    async openInvoiceIds(subscriptionId) {
      const rows = await q<{ id: string }>(`select id from invoices where subscription_id = $1 and status = 'open' order by number`, [
        subscriptionId,
      ]);
      return rows.map((r) => r.id);
    },
  };
}
