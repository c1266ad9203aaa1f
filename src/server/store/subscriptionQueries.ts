import { endedStatuses } from '../../contract/subscriptionRules';
import { withCatalogue } from './catalogueQueries';
import { subscriptionRow } from './rows';
import type { Store } from './Store';
import type { StoreSession } from './StoreSession';

/** A cached current subscription answers for this long of the caller's clock (period ends move it). */
const SUBSCRIPTION_TTL_MS = 1_000;

type SubscriptionQueries = Pick<
  Store,
  'insertSubscription' | 'updateSubscription' | 'findCurrentSubscription' | 'getSubscription' | 'findSubscriptionByProcessorRef'
>;

/** Subscriptions, each read with its price and plan; the current one per subject cached when allowed. */
export function subscriptionQueries(s: StoreSession): SubscriptionQueries {
  const { memory } = s;
  return {
    // The next step is billing's decision (NextStep), written beside the row, never derived here.
    insertSubscription: (sub, next) => s.insert('subscriptions', { ...sub, next_step_kind: next.kind, next_step_at: next.at }),
    updateSubscription: (id, patch, next) => s.update('subscriptions', id, { ...patch, next_step_kind: next.kind, next_step_at: next.at }),
    async findCurrentSubscription(subject, now, options) {
      const cacheable = memory.subscriptions !== null && !s.inTransaction && !options?.forUpdate;
      if (cacheable) {
        const hit = memory.subscriptions!.get(subject);
        if (hit && hit.generation === memory.generation && Math.abs(now.getTime() - hit.now) < SUBSCRIPTION_TTL_MS) {
          return hit.value;
        }
      }
      const generation = memory.generation;
      const rows = await s.q(
        `select * from subscriptions
         where subject = $1
           and (status <> all($3::text[]) or current_period_end > $2)
           and not (cancel_at_period_end and current_period_end <= $2)
         order by created_at desc, seq desc
         limit 1${options?.forUpdate ? ' for update' : ''}`,
        [subject, now, endedStatuses],
      );
      const value = rows[0] ? await withCatalogue(s, subscriptionRow(rows[0])) : null;
      if (cacheable) {
        if (memory.subscriptions!.size >= 10_000) memory.subscriptions!.clear();
        memory.subscriptions!.set(subject, { generation, now: now.getTime(), value });
      }
      return value;
    },
    async getSubscription(id) {
      const rows = await s.q(`select * from subscriptions where id = $1`, [id]);
      return rows[0] ? withCatalogue(s, subscriptionRow(rows[0])) : null;
    },
    async findSubscriptionByProcessorRef(processorRef) {
      const rows = await s.q(`select * from subscriptions where processor_ref = $1`, [processorRef]);
      return rows[0] ? withCatalogue(s, subscriptionRow(rows[0])) : null;
    },
  };
}
