import { num } from './rows';
import type { Store } from './Store';
import type { StoreSession } from './StoreSession';

/** Metered usage: one row per recorded event, summed over a period. */
export function usageQueries(s: StoreSession): Pick<Store, 'insertUsage' | 'insertUsageEvents' | 'sumUsage'> {
  return {
    async insertUsage(subject, metric, quantity, at) {
      await s.q(`insert into usage_records (subject, metric, quantity, recorded_at) values ($1, $2, $3, $4)`, [
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
      // Untracked: usage rows are in no read cache, so they must not invalidate the cached
      // subscriptions every metered API call reads next.
      const inserted = await s.untracked<{ subject: string; idempotency_key: string }>(
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
      const rows = await s.q<{ total: unknown }>(
        `select coalesce(sum(quantity), 0)::float8 as total from usage_records
         where subject = $1 and metric = $2 and recorded_at >= $3 and recorded_at < $4`,
        [subject, metric, from, to],
      );
      return num(rows[0]?.total ?? 0);
    },
  };
}
