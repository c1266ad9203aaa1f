import type { PoolClient } from 'pg';
import type { Db, DbSession } from './Db';
import { createStore } from './createStore';
import type { ProcessOwners } from './paymentQueries';

/** The advisory-lock namespace of process owners (the second key is the owner's number). */
const OWNER_LOCK_SPACE = 4243;
import type { Store } from './Store';
import { migrate } from './migrations';

/**
 * Opens a PostgreSQL database (`postgres://…`) as the store and migrates it. `pg` is
 * imported on demand, so the embedded-database path never loads it. Node only.
 */
export async function openPostgresStore(url: string, options: { max?: number } = {}): Promise<Store> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  const sessionOf = (client: { query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }> }): DbSession => ({
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    exec: async (sql: string) => {
      await client.query(sql);
    },
  });
  const inTransaction = async <T>(client: PoolClient, fn: (tx: DbSession) => Promise<T>): Promise<T> => {
    try {
      await client.query('begin');
      const result = await fn(sessionOf(client));
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
  };
  // This process holds an advisory lock on its owner number for as long as it runs (one
  // connection of its own, outside the pool): another process that can take the lock knows this one is gone.
  const ownerClient = new pg.Client({ connectionString: url });
  await ownerClient.connect();
  const ownerNumber = 1 + Math.floor(Math.random() * 2_147_483_646);
  await ownerClient.query('select pg_advisory_lock($1, $2)', [OWNER_LOCK_SPACE, ownerNumber]);
  const owners: ProcessOwners = {
    owner: `pg_${ownerNumber}`,
    async isOwnerAlive(owner) {
      const n = /^pg_(\d+)$/.exec(owner)?.[1];
      if (!n) return false;
      // A session-level lock is given back on the connection that took it.
      const client = await pool.connect();
      try {
        const rows = (await client.query('select pg_try_advisory_lock($1, $2) as free', [OWNER_LOCK_SPACE, Number(n)])).rows as { free: boolean }[];
        if (!rows[0]?.free) return true;
        await client.query('select pg_advisory_unlock($1, $2)', [OWNER_LOCK_SPACE, Number(n)]);
        return false;
      } finally {
        client.release();
      }
    },
  };
  const db: Db = {
    ...sessionOf(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        return await inTransaction(client, fn);
      } finally {
        client.release();
      }
    },
    async close() {
      await ownerClient.end().catch(() => undefined);
      await pool.end();
    },
  };
  try {
    // Proxies starting together must not migrate twice: one connection holds an advisory lock meanwhile.
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock(424242)');
      await migrate({ ...sessionOf(client), transaction: (fn) => inTransaction(client, fn), close: async () => undefined });
    } finally {
      await client.query('select pg_advisory_unlock(424242)').catch(() => undefined);
      client.release();
    }
  } catch (error) {
    await db.close();
    throw error;
  }
  return createStore(db, { owners });
}
