import type { Db, DbSession } from './Db';
import type { CatalogueEntry, PlanRecord, PriceRecord, SubscriptionDetail } from './records';

/** Every plan and price, read in one query. */
export interface Catalogue {
  /** When it was read, on the monotonic clock (`performance.now()`). */
  at: number;
  byPrice: Map<string, { price: PriceRecord; plan: PlanRecord }>;
  /** Public plans in display order with their prices (frozen: shared by every caller). */
  publicPlans: readonly CatalogueEntry[];
}

/**
 * Memory shared by a Store and the Stores of its transactions. Every write bumps
 * `generation`, which makes every cached read older than it stale.
 */
export interface StoreMemory {
  generation: number;
  /** Plans and prices (a handful of rows, read on every subscription lookup and `GET /plans`). */
  catalogue: Catalogue | null;
  /** Bumped whenever plans or prices are written, so a catalogue read before that is not kept. */
  catalogueEpoch: number;
  /** Current subscription per subject; only when the store is the database's sole user. */
  subscriptions: Map<string, { generation: number; now: number; value: SubscriptionDetail | null }> | null;
}

/**
 * What each aggregate's queries get: the session (the database or one transaction of it)
 * with write tracking for the read caches, and the shared memory of those caches.
 */
export interface StoreSession {
  db: Db;
  /** True inside {@link Store.transaction}: caches are read but not filled (it may roll back). */
  inTransaction: boolean;
  memory: StoreMemory;
  /** Runs one statement; anything but a `select` counts as a write for the caches. */
  q<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs one statement no cached read depends on (the outbox), so it leaves the caches alone. */
  untracked<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** `insert into <table> (<keys>) values ($1…)`; keys come from typed records, never from input. */
  insert(table: string, row: Record<string, unknown>): Promise<void>;
  /** `update <table> set … where id = …` for the defined keys of `patch`; nothing when none is. */
  update(table: string, id: string, patch: Record<string, unknown>): Promise<void>;
  /** Tells the caches (and an enclosing transaction) that plans or prices were written. */
  catalogueChanged(): void;
}

/** Builds the {@link StoreSession} over `session`; `onCatalogueWrite` is told about catalogue writes. */
export function createStoreSession(db: Db, session: DbSession, memory: StoreMemory, onCatalogueWrite?: () => void): StoreSession {
  const q = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => {
    if (!/^\s*select\b/i.test(sql)) memory.generation++;
    return session.query<T>(sql, params);
  };
  return {
    db,
    inTransaction: session !== db,
    memory,
    q,
    untracked: (sql, params) => session.query(sql, params),
    async insert(table, row) {
      const keys = Object.keys(row);
      const cols = keys.map((k) => `"${k}"`).join(', ');
      const params = keys.map((_, i) => `$${i + 1}`).join(', ');
      await q(`insert into ${table} (${cols}) values (${params})`, keys.map((k) => row[k]));
    },
    async update(table, id, patch) {
      const keys = Object.keys(patch).filter((k) => patch[k] !== undefined);
      if (keys.length === 0) return;
      const sets = keys.map((k, i) => `"${k}" = $${i + 1}`).join(', ');
      await q(`update ${table} set ${sets} where id = $${keys.length + 1}`, [...keys.map((k) => patch[k]), id]);
    },
    catalogueChanged() {
      memory.catalogue = null;
      memory.catalogueEpoch++;
      onCatalogueWrite?.();
    },
  };
}
