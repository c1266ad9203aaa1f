import { OUTBOX_KIND } from './outboxQueries';
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
    async insertUsageEvents(events, forward) {
      if (events.length === 0) return [];
      const params: unknown[] = [];
      const values = events.map((e) => {
        params.push(e.subject, e.metric, e.quantity, e.recorded_at, e.idempotency_key);
        const n = params.length;
        return `($${n - 4}::text, $${n - 3}::text, $${n - 2}::bigint, $${n - 1}::timestamptz, $${n}::text)`;
      });
      // Untracked: usage rows are in no read cache, so they must not invalidate the cached
      // subscriptions every metered API call reads next.
      const insert = `insert into usage_records (subject, metric, quantity, recorded_at, idempotency_key) values ${values.join(', ')}
         on conflict (subject, idempotency_key) where idempotency_key is not null do nothing`;
      // Forwarded: the same statement (one commit) writes the outbox row of what it recorded,
      // keyed by its first usage row's id, so nothing recorded is left unsent.
      const n = params.length;
      const inserted = await s.untracked<{ subject: string; idempotency_key: string }>(
        forward
          ? `with ins as (${insert} returning id, subject, metric, quantity, recorded_at, idempotency_key),
             fwd as (
               insert into outbox (id, kind, subject, payload, created_at, next_attempt_at)
               select 'meter_' || min(id), '${OUTBOX_KIND.meterEvents}', null,
                 json_agg(json_build_object('id', id, 'subject', subject, 'metric', metric, 'quantity', quantity, 'recorded_at', recorded_at) order by id)::text,
                 $${n + 2}::timestamptz, $${n + 3}::timestamptz
               from ins where metric = any($${n + 1}::text[]) having count(*) > 0)
             select subject, idempotency_key from ins`
          : `${insert} returning subject, idempotency_key`,
        forward ? [...params, [...forward.metrics], forward.created_at, forward.next_attempt_at] : params,
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
