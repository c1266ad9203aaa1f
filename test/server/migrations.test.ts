import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/server/store/createStore';
import type { Db, DbSession } from '../../src/server/store/Db';
import { migrate, migrations } from '../../src/server/store/migrations';

// Migrations run over databases that already hold data: each is checked by building the
// schema as an earlier release left it, writing rows, then migrating to the current one.
let pg: PGlite | undefined;
afterEach(async () => {
  await pg?.close();
  pg = undefined;
});

const sessionOf = (p: Pick<PGlite, 'query' | 'exec'>): DbSession => ({
  query: async <T>(sql: string, params?: unknown[]) => (await p.query<T>(sql, params as unknown[])).rows,
  exec: async (sql: string) => {
    await p.exec(sql);
  },
});

/** A database migrated up to (and including) `version`, as an older release left it. */
async function databaseAt(version: number): Promise<Db> {
  pg = await PGlite.create();
  const p = pg;
  const db: Db = { ...sessionOf(p), transaction: (fn) => p.transaction((tx) => fn(sessionOf(tx))), close: () => p.close() };
  await db.exec(`create table billkit_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())`);
  for (const m of migrations.filter((m) => m.version <= version)) {
    await db.exec(m.sql);
    await db.query(`insert into billkit_migrations (version, name) values ($1, $2)`, [m.version, m.name]);
  }
  await db.exec(`
    insert into plans (id, key, name) values ('plan_pro', 'pro', 'Pro');
    insert into prices (id, plan_id, amount, currency, interval, model) values ('price_pro_monthly', 'plan_pro', 2900, 'usd', 'month', 'recurring');`);
  return db;
}

const version = (name: string) => migrations.find((m) => m.name === name)!.version;

describe('migration subscriptions.ended_at', () => {
  it('gives subscriptions already canceled an ended_at (when canceled), and none to the others', async () => {
    const db = await databaseAt(version('subscriptions.ended_at') - 1);
    await db.exec(`
      insert into subscriptions (id, subject, price_id, status, current_period_start, current_period_end, cancel_at_period_end, canceled_at, created_at) values
        ('sub_live', 'user_a', 'price_pro_monthly', 'active', '2025-04-01', '2025-05-01', false, null, '2025-04-01'),
        ('sub_pending', 'user_b', 'price_pro_monthly', 'active', '2025-04-01', '2025-05-01', true, '2025-04-05', '2025-04-01'),
        ('sub_gone', 'user_c', 'price_pro_monthly', 'canceled', '2025-04-01', '2025-05-01', false, '2025-04-09', '2025-04-01')`);
    await migrate(db);
    const store = createStore(db);
    expect((await store.getSubscription('sub_live'))!.ended_at).toBeNull();
    expect((await store.getSubscription('sub_pending'))!.ended_at).toBeNull();
    expect((await store.getSubscription('sub_gone'))!.ended_at).toEqual(new Date('2025-04-09T00:00:00Z'));
  });
});
