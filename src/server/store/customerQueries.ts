import { customerRow, num } from './rows';
import type { Store } from './Store';
import type { StoreSession } from './StoreSession';

type CustomerQueries = Pick<Store, 'upsertCustomer' | 'getCustomer' | 'getSetting' | 'setSetting' | 'getIdempotency' | 'putIdempotency'>;

/** Customers, plus the two key-value tables beside them: settings and idempotent answers. */
export function customerQueries(s: StoreSession): CustomerQueries {
  return {
    async upsertCustomer(c) {
      await s.q(
        `insert into customers (id, kind, name, email, created_at) values ($1, $2, $3, $4, $5)
         on conflict (id) do update set name = coalesce(excluded.name, customers.name), email = coalesce(excluded.email, customers.email)`,
        [c.id, c.kind, c.name, c.email, c.created_at],
      );
    },
    async getCustomer(id) {
      const rows = await s.q(`select * from customers where id = $1`, [id]);
      return rows[0] ? customerRow(rows[0]) : null;
    },

    async getSetting(key) {
      const rows = await s.q<{ value: string }>(`select value from settings where key = $1`, [key]);
      return rows[0]?.value ?? null;
    },
    async setSetting(key, value) {
      await s.q(`insert into settings (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value`, [
        key,
        value,
      ]);
    },

    async getIdempotency(scope, key) {
      const rows = await s.q(`select request_hash, status, response from idempotency_keys where scope = $1 and key = $2`, [
        scope,
        key,
      ]);
      const r = rows[0];
      return r ? { request_hash: r.request_hash as string, status: num(r.status), response: r.response as string } : null;
    },
    async putIdempotency(scope, key, record, at) {
      await s.q(
        `insert into idempotency_keys (scope, key, request_hash, status, response, created_at) values ($1, $2, $3, $4, $5, $6)
         on conflict (scope, key) do nothing`,
        [scope, key, record.request_hash, record.status, record.response, at],
      );
    },
  };
}
