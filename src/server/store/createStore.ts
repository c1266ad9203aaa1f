import type { Plan } from '../../client/types';
import type { Db, DbSession } from './Db';
import type {
  CheckoutSessionRecord,
  CustomerRecord,
  IdempotencyRecord,
  InvoiceDetail,
  InvoiceLineRecord,
  InvoiceRecord,
  PlanRecord,
  PriceRecord,
  ProcessorJobRecord,
  PromotionCodeRecord,
  SubscriptionDetail,
  SubscriptionRecord,
  UsageEventRecord,
  WebhookEventRecord,
} from './records';

/**
 * Every query of the proxy, written once in SQL against {@link Db}. Methods that change
 * several rows are called inside {@link Store.transaction}, which hands the callback a
 * Store bound to that transaction.
 */
export interface Store {
  /** Runs `fn` in one transaction; the Store it receives writes inside it. */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;

  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;

  insertPlan(plan: PlanRecord): Promise<void>;
  insertPrice(price: PriceRecord): Promise<void>;
  setUsageLimit(planId: string | null, metric: string, limit: number | null): Promise<void>;
  insertPromotionCode(code: PromotionCodeRecord): Promise<void>;
  /** Public plans with their prices, in display order, hidden plans left out. */
  listPublicPlans(): Promise<Plan[]>;
  getPrice(id: string): Promise<{ price: PriceRecord; plan: PlanRecord } | null>;
  getPromotionCode(code: string): Promise<PromotionCodeRecord | null>;
  /** The configured limit: `undefined` when none is configured for that metric. */
  getUsageLimit(planId: string | null, metric: string): Promise<{ limit: number | null } | undefined>;

  upsertCustomer(customer: CustomerRecord): Promise<void>;
  getCustomer(id: string): Promise<CustomerRecord | null>;

  insertSubscription(sub: SubscriptionRecord): Promise<void>;
  updateSubscription(id: string, patch: Partial<Omit<SubscriptionRecord, 'id' | 'subject'>>): Promise<void>;
  /**
   * The subject's current subscription: the newest one that is live, or canceled but
   * still inside its paid period. A subscription set to cancel at period end counts as
   * ended once that period is over.
   */
  findCurrentSubscription(subject: string, now: Date, options?: { forUpdate?: boolean }): Promise<SubscriptionDetail | null>;
  getSubscription(id: string): Promise<SubscriptionDetail | null>;
  /** The subscription the payment processor knows as `processorRef` (Stripe `sub_…`). */
  findSubscriptionByProcessorRef(processorRef: string): Promise<SubscriptionDetail | null>;

  insertInvoice(invoice: InvoiceRecord, lines: InvoiceLineRecord[]): Promise<void>;
  /** Most recent first (created_at desc, id desc), `limit + 1` rows so callers know `has_more`. */
  listInvoices(subject: string, page: { limit: number; after?: InvoiceRecord }): Promise<InvoiceRecord[]>;
  getInvoice(subject: string, id: string): Promise<InvoiceDetail | null>;

  insertCheckoutSession(session: CheckoutSessionRecord): Promise<void>;
  getCheckoutSession(id: string, options?: { forUpdate?: boolean }): Promise<CheckoutSessionRecord | null>;
  updateCheckoutSession(id: string, patch: Partial<Omit<CheckoutSessionRecord, 'id' | 'subject'>>): Promise<void>;

  insertUsage(subject: string, metric: string, quantity: number, at: Date): Promise<void>;
  /**
   * Inserts usage events in one statement (so in one commit). Returns, per event, whether
   * it was recorded: `false` when its `idempotency_key` was already recorded for its
   * subject (earlier, or by an earlier event of the same call).
   */
  insertUsageEvents(events: UsageEventRecord[]): Promise<boolean[]>;
  /** Sum of usage in `[from, to)`. */
  sumUsage(subject: string, metric: string, from: Date, to: Date): Promise<number>;

  enqueueWebhookEvent(event: { id: string; type: string; payload: string; created_at: Date }): Promise<void>;
  dueWebhookEvents(now: Date, limit: number): Promise<WebhookEventRecord[]>;
  markWebhookDelivered(id: string, at: Date): Promise<void>;
  markWebhookFailed(id: string, error: string, nextAttemptAt: Date): Promise<void>;
  /** Pending webhook events, oldest first (diagnostics and tests). */
  countPendingWebhookEvents(): Promise<number>;

  /** Queues a processor change (in the transaction that decided it); due at once. */
  enqueueProcessorJob(job: Omit<ProcessorJobRecord, 'attempts'>): Promise<void>;
  dueProcessorJobs(now: Date, limit: number): Promise<ProcessorJobRecord[]>;
  markProcessorJobDone(id: string, at: Date): Promise<void>;
  markProcessorJobFailed(id: string, error: string, nextAttemptAt: Date): Promise<void>;

  getIdempotency(scope: string, key: string): Promise<IdempotencyRecord | null>;
  putIdempotency(scope: string, key: string, record: IdempotencyRecord, at: Date): Promise<void>;
}

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : date(v));
const num = (v: unknown): number => Number(v);

function json<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

function planRow(r: Record<string, unknown>, prefix = ''): PlanRecord {
  return {
    id: r[`${prefix}id`] as string,
    key: r[`${prefix}key`] as string,
    name: r[`${prefix}name`] as string,
    description: (r[`${prefix}description`] as string | null) ?? null,
    features: json<string[]>(r[`${prefix}features`]),
    recommended: Boolean(r[`${prefix}recommended`]),
    hidden: Boolean(r[`${prefix}hidden`]),
    trial_allowed: Boolean(r[`${prefix}trial_allowed`]),
    sort_order: num(r[`${prefix}sort_order`]),
  };
}

function priceRow(r: Record<string, unknown>, prefix = ''): PriceRecord {
  return {
    id: r[`${prefix}id`] as string,
    plan_id: r[`${prefix}plan_id`] as string,
    amount: num(r[`${prefix}amount`]),
    currency: r[`${prefix}currency`] as string,
    interval: (r[`${prefix}interval`] as PriceRecord['interval']) ?? null,
    model: r[`${prefix}model`] as PriceRecord['model'],
    sort_order: num(r[`${prefix}sort_order`]),
  };
}

function subscriptionRow(r: Record<string, unknown>): SubscriptionRecord {
  return {
    id: r.id as string,
    subject: r.subject as string,
    price_id: r.price_id as string,
    status: r.status as SubscriptionRecord['status'],
    current_period_start: date(r.current_period_start),
    current_period_end: date(r.current_period_end),
    cancel_at_period_end: Boolean(r.cancel_at_period_end),
    trial_end: dateOrNull(r.trial_end),
    canceled_at: dateOrNull(r.canceled_at),
    ended_at: dateOrNull(r.ended_at),
    promotion_code: (r.promotion_code as string | null) ?? null,
    created_at: date(r.created_at),
    processor_ref: (r.processor_ref as string | null) ?? null,
  };
}

function invoiceRow(r: Record<string, unknown>): InvoiceRecord {
  return {
    id: r.id as string,
    subject: r.subject as string,
    subscription_id: (r.subscription_id as string | null) ?? null,
    amount_due: num(r.amount_due),
    amount_paid: num(r.amount_paid),
    currency: r.currency as string,
    status: r.status as InvoiceRecord['status'],
    period_start: date(r.period_start),
    period_end: date(r.period_end),
    subtotal: num(r.subtotal),
    discount_amount: num(r.discount_amount),
    discount_description: (r.discount_description as string | null) ?? null,
    created_at: date(r.created_at),
  };
}

function checkoutRow(r: Record<string, unknown>): CheckoutSessionRecord {
  return {
    id: r.id as string,
    subject: r.subject as string,
    subject_kind: r.subject_kind as CheckoutSessionRecord['subject_kind'],
    price_id: r.price_id as string,
    promotion_code: (r.promotion_code as string | null) ?? null,
    trial_days: r.trial_days === null || r.trial_days === undefined ? null : num(r.trial_days),
    success_url: r.success_url as string,
    cancel_url: r.cancel_url as string,
    ui_mode: r.ui_mode as CheckoutSessionRecord['ui_mode'],
    client_secret: r.client_secret as string,
    status: r.status as CheckoutSessionRecord['status'],
    amount_subtotal: num(r.amount_subtotal),
    amount_discount: num(r.amount_discount),
    amount_due_today: num(r.amount_due_today),
    currency: r.currency as string,
    payment_id: (r.payment_id as string | null) ?? null,
    paid_at: dateOrNull(r.paid_at),
    fulfilled_at: dateOrNull(r.fulfilled_at),
    activated_at: dateOrNull(r.activated_at),
    subscription_id: (r.subscription_id as string | null) ?? null,
    expires_at: date(r.expires_at),
    created_at: date(r.created_at),
  };
}

/** `insert into <table> (<keys>) values ($1…)`; keys come from typed records, never from input. */
function insertSql(table: string, row: Record<string, unknown>): [string, unknown[]] {
  const keys = Object.keys(row);
  const cols = keys.map((k) => `"${k}"`).join(', ');
  const params = keys.map((_, i) => `$${i + 1}`).join(', ');
  return [`insert into ${table} (${cols}) values (${params})`, keys.map((k) => row[k])];
}

function updateSql(table: string, id: string, patch: Record<string, unknown>): [string, unknown[]] | null {
  const keys = Object.keys(patch).filter((k) => patch[k] !== undefined);
  if (keys.length === 0) return null;
  const sets = keys.map((k, i) => `"${k}" = $${i + 1}`).join(', ');
  return [`update ${table} set ${sets} where id = $${keys.length + 1}`, [...keys.map((k) => patch[k]), id]];
}

/**
 * Memory shared by a Store and the Stores of its transactions. Every write bumps
 * `generation`, which makes every cached read older than it stale.
 */
interface StoreMemory {
  generation: number;
  /** Plans and prices (a handful of rows, read on every subscription lookup and `GET /plans`). */
  catalogue: Catalogue | null;
  /** Bumped whenever plans or prices are written, so a catalogue read before that is not kept. */
  catalogueEpoch: number;
  /** Current subscription per subject; only when the store is the database's sole user. */
  subscriptions: Map<string, { generation: number; now: number; value: SubscriptionDetail | null }> | null;
}

/** Every plan and price, read in one query. */
interface Catalogue {
  at: number;
  byPrice: Map<string, { price: PriceRecord; plan: PlanRecord }>;
  /** What `GET /plans` answers: public plans in display order with their prices (frozen: shared by every caller). */
  publicPlans: readonly Plan[];
}

/** The catalogue is re-read at least this often, in case another process changed it. */
const CATALOGUE_TTL_MS = 60_000;
/** A cached current subscription answers for this long of the caller's clock (period ends move it). */
const SUBSCRIPTION_TTL_MS = 1_000;

/** Options of {@link createStore}. */
export interface CreateStoreOptions {
  /**
   * Cache each subject's current subscription in memory, dropped on every write. Only
   * safe when no other process writes to the database, which PGlite guarantees.
   */
  cacheReads?: boolean;
}

/** Builds the {@link Store} over a database (or over one transaction of it). */
export function createStore(db: Db, options: CreateStoreOptions = {}): Store {
  return buildStore(db, db, {
    generation: 0,
    catalogue: null,
    catalogueEpoch: 0,
    subscriptions: options.cacheReads ? new Map() : null,
  });
}

/** `onCatalogueWrite`: told when a transaction's Store writes plans or prices. */
function buildStore(db: Db, session: DbSession, memory: StoreMemory, onCatalogueWrite?: () => void): Store {
  const q = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => {
    if (!/^\s*select\b/i.test(sql)) memory.generation++;
    return session.query<T>(sql, params);
  };
  const insert = async (table: string, row: Record<string, unknown>) => {
    const [sql, params] = insertSql(table, row);
    await q(sql, params);
  };
  const update = async (table: string, id: string, patch: Record<string, unknown>) => {
    const built = updateSql(table, id, patch);
    if (built) await q(built[0], built[1]);
  };
  const inTransaction = session !== db;
  const catalogueChanged = () => {
    memory.catalogue = null;
    memory.catalogueEpoch++;
    onCatalogueWrite?.();
  };

  const loadCatalogue = async (): Promise<Catalogue> => {
    const epoch = memory.catalogueEpoch;
    // One query, so plans and prices come from the same snapshot.
    const rows = await q(`
      select pl.*, p.id as p_id, p.plan_id as p_plan_id, p.amount as p_amount, p.currency as p_currency,
        p.interval as p_interval, p.model as p_model, p.sort_order as p_sort_order
      from plans pl left join prices p on p.plan_id = pl.id
      order by pl.sort_order, pl.id, p.sort_order, p.id`);
    const byPrice = new Map<string, { price: PriceRecord; plan: PlanRecord }>();
    const publicPlans: Plan[] = [];
    const planById = new Map<string, { record: PlanRecord; wire: Plan | null }>();
    for (const r of rows) {
      let plan = planById.get(r.id as string);
      if (!plan) {
        const record = planRow(r);
        const wire: Plan | null = record.hidden
          ? null
          : {
              id: record.id,
              name: record.name,
              description: record.description,
              features: record.features,
              recommended: record.recommended,
              prices: [],
              trial_allowed: record.trial_allowed,
            };
        plan = { record, wire };
        planById.set(record.id, plan);
        if (wire) publicPlans.push(wire);
      }
      if (r.p_id) {
        const price = priceRow(r, 'p_');
        byPrice.set(price.id, { price, plan: plan.record });
        plan.wire?.prices.push({ id: price.id, amount: price.amount, currency: price.currency, interval: price.interval, model: price.model });
      }
    }
    for (const plan of publicPlans) {
      for (const price of plan.prices) Object.freeze(price);
      Object.freeze(plan.prices);
      Object.freeze(plan.features);
      Object.freeze(plan);
    }
    const catalogue: Catalogue = { at: Date.now(), byPrice, publicPlans: Object.freeze(publicPlans) };
    // Not kept when read inside a transaction (it may roll back) or when plans or prices
    // were written while the query ran.
    if (!inTransaction && epoch === memory.catalogueEpoch) memory.catalogue = catalogue;
    return catalogue;
  };
  /** The cached catalogue when fresh, else a new read. */
  const catalogue = async (): Promise<Catalogue> =>
    memory.catalogue && Date.now() - memory.catalogue.at < CATALOGUE_TTL_MS ? memory.catalogue : loadCatalogue();
  /** The price and plan of a subscription, from the cached catalogue (re-read when it lacks the price). */
  const withCatalogue = async (sub: SubscriptionRecord): Promise<SubscriptionDetail> => {
    let entry = (await catalogue()).byPrice.get(sub.price_id);
    if (!entry) entry = (await loadCatalogue()).byPrice.get(sub.price_id);
    if (!entry) throw new Error(`subscription ${sub.id} refers to a missing price ${sub.price_id}`);
    return { ...sub, price: entry.price, plan: entry.plan };
  };

  const store: Store = {
    async transaction(fn) {
      // Already inside one: join it, so rules can compose without nesting transactions.
      if (inTransaction) return fn(store);
      let wroteCatalogue = false;
      try {
        return await db.transaction((tx) => fn(buildStore(db, tx, memory, () => (wroteCatalogue = true))));
      } finally {
        // Reads cached while the transaction ran must not outlive it (nor, with PostgreSQL,
        // a catalogue another connection read before this one committed).
        memory.generation++;
        if (wroteCatalogue) {
          memory.catalogue = null;
          memory.catalogueEpoch++;
        }
      }
    },
    close: () => db.close(),

    async getSetting(key) {
      const rows = await q<{ value: string }>(`select value from settings where key = $1`, [key]);
      return rows[0]?.value ?? null;
    },
    async setSetting(key, value) {
      await q(`insert into settings (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value`, [
        key,
        value,
      ]);
    },

    async insertPlan(plan) {
      catalogueChanged();
      await insert('plans', { ...plan, features: JSON.stringify(plan.features) });
    },
    async insertPrice(price) {
      catalogueChanged();
      await insert('prices', { ...price });
    },
    async setUsageLimit(planId, metric, limit) {
      await q(`delete from usage_limits where coalesce(plan_id, '') = coalesce($1, '') and metric = $2`, [planId, metric]);
      await q(`insert into usage_limits (plan_id, metric, "limit") values ($1, $2, $3)`, [planId, metric, limit]);
    },
    insertPromotionCode: (code) => insert('promotion_codes', { ...code }),
    async listPublicPlans() {
      return (await catalogue()).publicPlans as Plan[];
    },
    async getPrice(id) {
      const rows = await q(
        `select p.*, pl.id as pl_id, pl.key as pl_key, pl.name as pl_name, pl.description as pl_description,
           pl.features as pl_features, pl.recommended as pl_recommended, pl.hidden as pl_hidden,
           pl.trial_allowed as pl_trial_allowed, pl.sort_order as pl_sort_order
         from prices p join plans pl on pl.id = p.plan_id where p.id = $1`,
        [id],
      );
      const r = rows[0];
      return r ? { price: priceRow(r), plan: planRow(r, 'pl_') } : null;
    },
    async getPromotionCode(code) {
      const rows = await q(`select * from promotion_codes where code = $1`, [code]);
      const r = rows[0];
      if (!r) return null;
      return {
        code: r.code as string,
        percent_off: r.percent_off === null ? null : num(r.percent_off),
        amount_off: r.amount_off === null ? null : num(r.amount_off),
        currency: (r.currency as string | null) ?? null,
        duration: r.duration as PromotionCodeRecord['duration'],
        duration_in_months: r.duration_in_months === null ? null : num(r.duration_in_months),
        expires_at: dateOrNull(r.expires_at),
      };
    },
    async getUsageLimit(planId, metric) {
      const rows = await q<{ limit: unknown }>(
        `select "limit" from usage_limits where coalesce(plan_id, '') = coalesce($1, '') and metric = $2`,
        [planId, metric],
      );
      const r = rows[0];
      if (!r) return undefined;
      return { limit: r.limit === null ? null : num(r.limit) };
    },

    async upsertCustomer(c) {
      await q(
        `insert into customers (id, kind, name, email, created_at) values ($1, $2, $3, $4, $5)
         on conflict (id) do update set name = coalesce(excluded.name, customers.name), email = coalesce(excluded.email, customers.email)`,
        [c.id, c.kind, c.name, c.email, c.created_at],
      );
    },
    async getCustomer(id) {
      const rows = await q(`select * from customers where id = $1`, [id]);
      const r = rows[0];
      if (!r) return null;
      return {
        id: r.id as string,
        kind: r.kind as CustomerRecord['kind'],
        name: (r.name as string | null) ?? null,
        email: (r.email as string | null) ?? null,
        created_at: date(r.created_at),
      };
    },

    insertSubscription: (sub) => insert('subscriptions', { ...sub }),
    updateSubscription: (id, patch) => update('subscriptions', id, patch),
    async findCurrentSubscription(subject, now, options) {
      const cacheable = memory.subscriptions !== null && !inTransaction && !options?.forUpdate;
      if (cacheable) {
        const hit = memory.subscriptions!.get(subject);
        if (hit && hit.generation === memory.generation && Math.abs(now.getTime() - hit.now) < SUBSCRIPTION_TTL_MS) {
          return hit.value;
        }
      }
      const generation = memory.generation;
      const rows = await q(
        `select * from subscriptions
         where subject = $1
           and (status <> 'canceled' or current_period_end > $2)
           and not (cancel_at_period_end and current_period_end <= $2)
         order by created_at desc, seq desc
         limit 1${options?.forUpdate ? ' for update' : ''}`,
        [subject, now],
      );
      const value = rows[0] ? await withCatalogue(subscriptionRow(rows[0])) : null;
      if (cacheable) {
        if (memory.subscriptions!.size >= 10_000) memory.subscriptions!.clear();
        memory.subscriptions!.set(subject, { generation, now: now.getTime(), value });
      }
      return value;
    },
    async getSubscription(id) {
      const rows = await q(`select * from subscriptions where id = $1`, [id]);
      return rows[0] ? withCatalogue(subscriptionRow(rows[0])) : null;
    },
    async findSubscriptionByProcessorRef(processorRef) {
      const rows = await q(`select * from subscriptions where processor_ref = $1`, [processorRef]);
      return rows[0] ? withCatalogue(subscriptionRow(rows[0])) : null;
    },

    async insertInvoice(invoice, lines) {
      await insert('invoices', { ...invoice });
      let position = 0;
      for (const line of lines) await insert('invoice_lines', { invoice_id: invoice.id, position: position++, ...line });
    },
    async listInvoices(subject, page) {
      const rows = page.after
        ? await q(
            `select * from invoices where subject = $1 and (created_at, id) < ($2, $3)
             order by created_at desc, id desc limit $4`,
            [subject, page.after.created_at, page.after.id, page.limit + 1],
          )
        : await q(`select * from invoices where subject = $1 order by created_at desc, id desc limit $2`, [
            subject,
            page.limit + 1,
          ]);
      return rows.map(invoiceRow);
    },
    async getInvoice(subject, id) {
      const rows = await q(`select * from invoices where subject = $1 and id = $2`, [subject, id]);
      const r = rows[0];
      if (!r) return null;
      const lines = await q(`select * from invoice_lines where invoice_id = $1 order by position`, [id]);
      return {
        ...invoiceRow(r),
        number: num(r.number),
        lines: lines.map((l) => ({
          description: l.description as string,
          quantity: num(l.quantity),
          unit_amount: num(l.unit_amount),
          amount: num(l.amount),
          period_start: dateOrNull(l.period_start),
          period_end: dateOrNull(l.period_end),
        })),
      };
    },

    insertCheckoutSession: (session) => insert('checkout_sessions', { ...session }),
    async getCheckoutSession(id, options) {
      const rows = await q(`select * from checkout_sessions where id = $1${options?.forUpdate ? ' for update' : ''}`, [id]);
      return rows[0] ? checkoutRow(rows[0]) : null;
    },
    updateCheckoutSession: (id, patch) => update('checkout_sessions', id, patch),

    async insertUsage(subject, metric, quantity, at) {
      await q(`insert into usage_records (subject, metric, quantity, recorded_at) values ($1, $2, $3, $4)`, [
        subject,
        metric,
        quantity,
        at,
      ]);
    },
    async insertUsageEvents(events) {
      if (events.length === 0) return [];
      const params: unknown[] = [];
      const values = events.map((e) => {
        params.push(e.subject, e.metric, e.quantity, e.recorded_at, e.idempotency_key);
        const n = params.length;
        return `($${n - 4}::text, $${n - 3}::text, $${n - 2}::bigint, $${n - 1}::timestamptz, $${n}::text)`;
      });
      // Straight to the session, not q(): usage rows are in no read cache, so they must not
      // invalidate the cached subscriptions every metered API call reads next.
      const inserted = await session.query<{ subject: string; idempotency_key: string }>(
        `insert into usage_records (subject, metric, quantity, recorded_at, idempotency_key) values ${values.join(', ')}
         on conflict (subject, idempotency_key) where idempotency_key is not null do nothing
         returning subject, idempotency_key`,
        params,
      );
      const fresh = new Set(inserted.filter((r) => r.idempotency_key !== null).map((r) => `${r.subject}\u0000${r.idempotency_key}`));
      return events.map((e) => {
        if (e.idempotency_key === null) return true;
        const key = `${e.subject}\u0000${e.idempotency_key}`;
        // The first event with a key is the one recorded; a repeat in the same call is not.
        return fresh.delete(key);
      });
    },
    async sumUsage(subject, metric, from, to) {
      const rows = await q<{ total: unknown }>(
        `select coalesce(sum(quantity), 0)::float8 as total from usage_records
         where subject = $1 and metric = $2 and recorded_at >= $3 and recorded_at < $4`,
        [subject, metric, from, to],
      );
      return num(rows[0]?.total ?? 0);
    },

    async enqueueWebhookEvent(event) {
      await insert('webhook_events', { ...event, next_attempt_at: event.created_at });
    },
    async dueWebhookEvents(now, limit) {
      const rows = await q(
        `select id, type, payload, created_at, attempts, next_attempt_at from webhook_events
         where status = 'pending' and next_attempt_at <= $1 order by seq limit $2`,
        [now, limit],
      );
      return rows.map((r) => ({
        id: r.id as string,
        type: r.type as string,
        payload: r.payload as string,
        created_at: date(r.created_at),
        attempts: num(r.attempts),
        next_attempt_at: date(r.next_attempt_at),
      }));
    },
    async markWebhookDelivered(id, at) {
      await q(`update webhook_events set status = 'delivered', delivered_at = $2, attempts = attempts + 1 where id = $1`, [
        id,
        at,
      ]);
    },
    async markWebhookFailed(id, error, nextAttemptAt) {
      await q(`update webhook_events set attempts = attempts + 1, last_error = $2, next_attempt_at = $3 where id = $1`, [
        id,
        error.slice(0, 500),
        nextAttemptAt,
      ]);
    },
    async countPendingWebhookEvents() {
      const rows = await q<{ n: unknown }>(`select count(*)::int as n from webhook_events where status = 'pending'`);
      return num(rows[0]?.n ?? 0);
    },

    async enqueueProcessorJob(job) {
      await insert('processor_jobs', { ...job, next_attempt_at: job.created_at });
    },
    async dueProcessorJobs(now, limit) {
      const rows = await q(
        `select id, kind, subscription_id, processor_ref, subject, created_at, attempts from processor_jobs
         where status = 'pending' and next_attempt_at <= $1 order by seq limit $2`,
        [now, limit],
      );
      return rows.map((r) => ({
        id: r.id as string,
        kind: r.kind as ProcessorJobRecord['kind'],
        subscription_id: r.subscription_id as string,
        processor_ref: r.processor_ref as string,
        subject: r.subject as string,
        created_at: date(r.created_at),
        attempts: num(r.attempts),
      }));
    },
    async markProcessorJobDone(id, at) {
      await q(`update processor_jobs set status = 'done', done_at = $2, attempts = attempts + 1 where id = $1`, [id, at]);
    },
    async markProcessorJobFailed(id, error, nextAttemptAt) {
      await q(`update processor_jobs set attempts = attempts + 1, last_error = $2, next_attempt_at = $3 where id = $1`, [
        id,
        error.slice(0, 500),
        nextAttemptAt,
      ]);
    },

    async getIdempotency(scope, key) {
      const rows = await q(`select request_hash, status, response from idempotency_keys where scope = $1 and key = $2`, [
        scope,
        key,
      ]);
      const r = rows[0];
      return r ? { request_hash: r.request_hash as string, status: num(r.status), response: r.response as string } : null;
    },
    async putIdempotency(scope, key, record, at) {
      await q(
        `insert into idempotency_keys (scope, key, request_hash, status, response, created_at) values ($1, $2, $3, $4, $5, $6)
         on conflict (scope, key) do nothing`,
        [scope, key, record.request_hash, record.status, record.response, at],
      );
    },
  };
  return store;
}
