import { PGlite } from '@electric-sql/pglite';
import { seedDemo } from '../../src/server/seed/demo';
import { createStore } from '../../src/server/store/createStore';
import type { Db, DbSession } from '../../src/server/store/Db';
import { migrate } from '../../src/server/store/migrations';
import type { Store } from '../../src/server/store/Store';

/** A seeded store on an in-memory PGlite, with a raw handle for before/after snapshots. */
export interface SnapshotStore {
  store: Store;
  /** Every table's row count and a hash of its rows: equal snapshots mean nothing was written. */
  snapshot(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

const sessionOf = (p: Pick<PGlite, 'query' | 'exec'>): DbSession => ({
  query: async <T>(sql: string, params?: unknown[]) => (await p.query<T>(sql, params as unknown[])).rows,
  exec: async (sql: string) => {
    await p.exec(sql);
  },
});

/**
 * The store the fuzz tests run the proxy on: built here rather than by startTestProxy, to
 * keep a raw handle on the database for {@link SnapshotStore.snapshot}.
 */
export async function openSnapshotStore(): Promise<SnapshotStore> {
  const pg = await PGlite.create();
  const db: Db = { ...sessionOf(pg), transaction: (fn) => pg.transaction((tx) => fn(sessionOf(tx))), close: () => pg.close() };
  await migrate(db);
  const store = createStore(db, { cacheReads: true });
  await seedDemo(store);
  const tables = (await pg.query<{ t: string }>(`select table_name as t from information_schema.tables where table_schema = 'public' order by 1`)).rows.map((r) => r.t);
  return {
    store,
    async snapshot() {
      const sql = tables
        .map((t) => `select '${t}' as t, count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${t}" x`)
        .join(' union all ');
      return Object.fromEntries((await pg.query<{ t: string; h: string }>(sql)).rows.map((r) => [r.t, r.h]));
    },
    close: () => pg.close(),
  };
}
