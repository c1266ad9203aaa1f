import { num } from './rows';
import type { PaymentPurpose, PaymentRecord, PaymentStatus, PlannedChange, TestProcessorCharge } from './records';
import type { StoreSession } from './StoreSession';

/** The payment ledger's queries; part of `Store`. */
export interface PaymentQueries {
  /** This process's owner id, written on the payments and idempotency keys it holds. */
  readonly owner: string;
  /**
   * Whether the process that wrote `owner` is still running. PGlite admits one process, so
   * only this one; on PostgreSQL each process holds an advisory lock for its life.
   */
  isOwnerAlive(owner: string): Promise<boolean>;
  /**
   * Writes a pending payment for the object's next attempt (numbered after every earlier
   * one), keyed `<object id>:<attempt>`. Call inside the transaction that locked the object.
   */
  beginPayment(
    p: Pick<PaymentRecord, 'subject' | 'object_kind' | 'object_id' | 'subscription_id' | 'purpose' | 'amount' | 'currency' | 'request_key' | 'plan'>,
    at: Date,
  ): Promise<PaymentRecord>;
  /** Writes a payment's outcome. Only a payment still in the `from` states changes; true when it did. */
  settlePayment(
    id: string,
    from: readonly PaymentStatus[],
    patch: Partial<Pick<PaymentRecord, 'status' | 'processor_payment_id' | 'failure_code' | 'failure_message' | 'refund_id'>>,
    at: Date,
  ): Promise<boolean>;
  /** Notes that a pending payment's processor call failed and its outcome is unknown (it is reconciled, whoever owns it). */
  markPaymentUnknown(id: string, message: string): Promise<void>;
  getPayment(id: string, options?: { forUpdate?: boolean }): Promise<PaymentRecord | null>;
  /** The payment the processor knows by `idempotencyKey`. */
  paymentByKey(idempotencyKey: string): Promise<PaymentRecord | null>;
  /** The payments of an object, oldest first. */
  paymentsOf(kind: PaymentRecord['object_kind'], objectId: string): Promise<PaymentRecord[]>;
  /** The payments still waiting for their outcome (`pending`), oldest first; `subject` narrows them. */
  unsettledPayments(options?: { subject?: string; objectId?: string }): Promise<PaymentRecord[]>;
  /** The plan change in flight on a subscription: its pending payment, if any. */
  pendingPlanChange(subscriptionId: string): Promise<PaymentRecord | null>;
  /** Whether a plan change of the subscription was paid under this request's Idempotency-Key. */
  planChangePaidFor(subscriptionId: string, requestKey: string): Promise<boolean>;
  /** A subject's payments, newest first (the devtools' Payments section). */
  listPayments(subject: string, limit: number): Promise<PaymentRecord[]>;
  /** The test processor's entry for a key, or null. */
  getTestProcessorCharge(key: string): Promise<TestProcessorCharge | null>;
  /** Records a test processor entry; the first entry of a key wins and is returned. */
  putTestProcessorCharge(entry: TestProcessorCharge): Promise<TestProcessorCharge>;
  /** Replaces a test processor entry's status and answer (3-D Secure finished). */
  updateTestProcessorCharge(key: string, status: string, result: unknown): Promise<void>;
  /** Every test processor entry, oldest first; `keys` narrows them. */
  listTestProcessorCharges(keys?: readonly string[]): Promise<TestProcessorCharge[]>;
}

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function paymentRow(r: Record<string, unknown>): PaymentRecord {
  return {
    id: String(r.id),
    subject: String(r.subject),
    object_kind: r.object_kind as PaymentRecord['object_kind'],
    object_id: String(r.object_id),
    subscription_id: str(r.subscription_id),
    purpose: r.purpose as PaymentPurpose,
    attempt: num(r.attempt),
    idempotency_key: String(r.idempotency_key),
    amount: num(r.amount),
    currency: String(r.currency),
    status: r.status as PaymentStatus,
    owner: String(r.owner),
    request_key: str(r.request_key),
    plan: r.plan === null || r.plan === undefined ? null : json<PlannedChange>(r.plan),
    processor_payment_id: str(r.processor_payment_id),
    failure_code: str(r.failure_code),
    failure_message: str(r.failure_message),
    refund_id: str(r.refund_id),
    created_at: date(r.created_at),
    settled_at: r.settled_at === null || r.settled_at === undefined ? null : date(r.settled_at),
  };
}

function chargeRow(r: Record<string, unknown>): TestProcessorCharge {
  return {
    idempotency_key: String(r.idempotency_key),
    kind: r.kind as TestProcessorCharge['kind'],
    payment_id: String(r.payment_id),
    amount: num(r.amount),
    currency: String(r.currency),
    status: String(r.status),
    result: json(r.result),
    description: String(r.description),
    created_at: date(r.created_at),
  };
}

/** How a store tells live processes from gone ones (see {@link PaymentQueries.isOwnerAlive}). */
export interface ProcessOwners {
  owner: string;
  isOwnerAlive(owner: string): Promise<boolean>;
}

/** The SQL behind {@link PaymentQueries}. The ledger is written outside the read caches' concern (`untracked`). */
export function paymentQueries(s: StoreSession, owners: ProcessOwners): PaymentQueries {
  const q = s.untracked;
  return {
    owner: owners.owner,
    isOwnerAlive: (owner) => (owner === owners.owner ? Promise.resolve(true) : owners.isOwnerAlive(owner)),
    async beginPayment(p, at) {
      const last = await q<{ n: unknown }>(`select coalesce(max(attempt), 0) as n from payments where object_kind = $1 and object_id = $2`, [
        p.object_kind,
        p.object_id,
      ]);
      const attempt = num(last[0]?.n ?? 0) + 1;
      const id = `pay_${p.object_id}_${attempt}`;
      const record: PaymentRecord = {
        ...p,
        id,
        attempt,
        idempotency_key: `${p.object_id}:${attempt}`,
        status: 'pending',
        owner: owners.owner,
        processor_payment_id: null,
        failure_code: null,
        failure_message: null,
        refund_id: null,
        created_at: at,
        settled_at: null,
      };
      await q(
        `insert into payments (id, subject, object_kind, object_id, subscription_id, purpose, attempt, idempotency_key, amount, currency,
           status, owner, request_key, plan, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [id, p.subject, p.object_kind, p.object_id, p.subscription_id, p.purpose, attempt, record.idempotency_key, p.amount, p.currency,
          'pending', owners.owner, p.request_key, p.plan === null ? null : JSON.stringify(p.plan), at],
      );
      return record;
    },
    async settlePayment(id, from, patch, at) {
      const keys = (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => patch[k] !== undefined);
      const sets = keys.map((k, i) => `"${k}" = $${i + 4}`);
      const rows = await q(
        `update payments set settled_at = $2${sets.length ? ', ' + sets.join(', ') : ''} where id = $1 and status = any($3::text[]) returning id`,
        [id, at, [...from], ...keys.map((k) => patch[k])],
      );
      return rows.length === 1;
    },
    async markPaymentUnknown(id, message) {
      await q(`update payments set failure_code = 'outcome_unknown', failure_message = $2 where id = $1 and status = 'pending'`, [id, message]);
    },
    async getPayment(id, options) {
      const rows = await q(`select * from payments where id = $1${options?.forUpdate ? ' for update' : ''}`, [id]);
      return rows[0] ? paymentRow(rows[0]) : null;
    },
    async paymentByKey(key) {
      const rows = await q(`select * from payments where idempotency_key = $1`, [key]);
      return rows[0] ? paymentRow(rows[0]) : null;
    },
    async paymentsOf(kind, objectId) {
      const rows = await q(`select * from payments where object_kind = $1 and object_id = $2 order by attempt`, [kind, objectId]);
      return rows.map(paymentRow);
    },
    async unsettledPayments(options = {}) {
      const rows = await q(
        `select * from payments where status = 'pending' and ($1::text is null or subject = $1) and ($2::text is null or object_id = $2)
         order by created_at, id`,
        [options.subject ?? null, options.objectId ?? null],
      );
      return rows.map(paymentRow);
    },
    async pendingPlanChange(subscriptionId) {
      const rows = await q(`select * from payments where subscription_id = $1 and purpose = 'plan_change' and status = 'pending' limit 1`, [
        subscriptionId,
      ]);
      return rows[0] ? paymentRow(rows[0]) : null;
    },
    async planChangePaidFor(subscriptionId, requestKey) {
      const rows = await q(
        `select 1 from payments where subscription_id = $1 and purpose = 'plan_change' and request_key = $2 and status = 'succeeded' limit 1`,
        [subscriptionId, requestKey],
      );
      return rows.length > 0;
    },
    async listPayments(subject, limit) {
      const rows = await q(`select * from payments where subject = $1 order by created_at desc, id desc limit $2`, [subject, limit]);
      return rows.map(paymentRow);
    },
    async getTestProcessorCharge(key) {
      const rows = await q(`select * from test_processor_charges where idempotency_key = $1`, [key]);
      return rows[0] ? chargeRow(rows[0]) : null;
    },
    async putTestProcessorCharge(e) {
      const rows = await q(
        `insert into test_processor_charges (idempotency_key, kind, payment_id, amount, currency, status, result, description, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (idempotency_key) do nothing returning *`,
        [e.idempotency_key, e.kind, e.payment_id, e.amount, e.currency, e.status, JSON.stringify(e.result), e.description, e.created_at],
      );
      if (rows[0]) return chargeRow(rows[0]);
      return chargeRow((await q(`select * from test_processor_charges where idempotency_key = $1`, [e.idempotency_key]))[0]!);
    },
    async updateTestProcessorCharge(key, status, result) {
      await q(`update test_processor_charges set status = $2, result = $3 where idempotency_key = $1`, [key, status, JSON.stringify(result)]);
    },
    async listTestProcessorCharges(keys) {
      const rows = keys
        ? await q(`select * from test_processor_charges where idempotency_key = any($1::text[]) order by created_at, idempotency_key`, [[...keys]])
        : await q(`select * from test_processor_charges order by created_at, idempotency_key`);
      return rows.map(chargeRow);
    },
  };
}
