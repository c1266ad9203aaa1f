import { num } from './rows';
import type { Store } from './Store';
import type { StoreSession } from './StoreSession';

/** Metered usage: one row per recorded event, summed over a period. */
export function usageQueries(s: StoreSession): Pick<Store, 'insertUsage' | 'sumUsage'> {
  return {
    async insertUsage(subject, metric, quantity, at) {
      await s.q(`insert into usage_records (subject, metric, quantity, recorded_at) values ($1, $2, $3, $4)`, [
        subject,
        metric,
        quantity,
        at,
      ]);
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
