import { customerRow, num } from './rows';
import type { Store } from './Store';
import type { StoreSession } from './StoreSession';

type CustomerQueries = Pick<
  Store,
  'upsertCustomer' | 'getCustomer' | 'getSetting' | 'setSetting' | 'getIdempotency' | 'putIdempotency' | 'claimIdempotency' | 'takeOverIdempotency' | 'finishIdempotency' | 'releaseIdempotency'
>;

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
      const rows = await s.q(`select request_hash, status, response, owner from idempotency_keys where scope = $1 and key = $2`, [scope, key]);
      const r = rows[0];
      return r
        ? { request_hash: r.request_hash as string, status: r.status === null ? null : num(r.status), response: (r.response as string | null) ?? null, owner: (r.owner as string | null) ?? null }
        : null;
    },
    async putIdempotency(scope, key, record, at) {
      await s.q(
        `insert into idempotency_keys (scope, key, request_hash, status, response, created_at) values ($1, $2, $3, $4, $5, $6)
         on conflict (scope, key) do nothing`,
        [scope, key, record.request_hash, record.status, record.response, at],
      );
    },
    async claimIdempotency(scope, key, requestHash, owner, at) {
      const mine = await s.q(
        `insert into idempotency_keys (scope, key, request_hash, status, response, owner, created_at) values ($1, $2, $3, null, null, $4, $5)
         on conflict (scope, key) do nothing returning scope`,
        [scope, key, requestHash, owner, at],
      );
      if (mine.length === 1) return 'claimed';
      const rows = await s.q(`select request_hash, status, response, owner from idempotency_keys where scope = $1 and key = $2`, [scope, key]);
      const r = rows[0];
      if (!r) return 'claimed';
      return {
        request_hash: r.request_hash as string,
        status: r.status === null ? null : num(r.status),
        response: (r.response as string | null) ?? null,
        owner: (r.owner as string | null) ?? null,
      };
    },
    async takeOverIdempotency(scope, key, from, owner) {
      const rows = await s.q(
        `update idempotency_keys set owner = $4 where scope = $1 and key = $2 and status is null and owner is not distinct from $3 returning scope`,
        [scope, key, from, owner],
      );
      return rows.length === 1;
    },
    async finishIdempotency(scope, key, record) {
      await s.q(`update idempotency_keys set status = $3, response = $4 where scope = $1 and key = $2`, [scope, key, record.status, record.response]);
    },
    async releaseIdempotency(scope, key, owner) {
      await s.q(`delete from idempotency_keys where scope = $1 and key = $2 and status is null and owner = $3`, [scope, key, owner]);
    },
  };
}
