import type { PoolClient } from 'pg';
import type { Db, DbSession } from './Db';
import { createStore } from './createStore';
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
    close: () => pool.end(),
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
    await pool.end();
    throw error;
  }
  return createStore(db);
}
