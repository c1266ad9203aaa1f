import type { OutboxRecord, ProcessorJobRecord, WebhookEventRecord } from './records';
import { date, num, outboxRow } from './rows';
import type { Store } from './Store';
import type { StoreSession } from './StoreSession';

/** The outbox kinds the store writes itself (the worker's handlers are keyed by these). */
export const OUTBOX_KIND = { webhook: 'webhook', cancelSubscription: 'cancel_subscription', meterEvents: 'meter_events' } as const;

/** One usage event an outbox row of kind `meter_events` carries (its usage row's id, subject, metric, quantity, time). */
export interface MeterEventJob {
  id: string;
  subject: string;
  metric: string;
  quantity: number;
  recorded_at: Date;
}

/** The usage events of an outbox row of kind `meter_events`. */
export function meterEventsOf(row: OutboxRecord): MeterEventJob[] {
  const events = JSON.parse(row.payload) as { id: number | string; subject: string; metric: string; quantity: number | string; recorded_at: string }[];
  return events.map((e) => ({ id: String(e.id), subject: e.subject, metric: e.metric, quantity: Number(e.quantity), recorded_at: new Date(e.recorded_at) }));
}

/** The processor job an outbox row of kind `cancel_subscription` carries. */
export function processorJobOf(row: OutboxRecord): ProcessorJobRecord {
  const payload = JSON.parse(row.payload) as { subscription_id: string; processor_ref: string };
  return {
    id: row.id,
    kind: OUTBOX_KIND.cancelSubscription,
    subscription_id: payload.subscription_id,
    processor_ref: payload.processor_ref,
    subject: row.subject ?? '',
    created_at: row.created_at,
    attempts: row.attempts,
  };
}

type OutboxQueries = Pick<
  Store,
  | 'claimOutbox'
  | 'markOutboxDone'
  | 'markOutboxFailed'
  | 'enqueueWebhookEvent'
  | 'dueWebhookEvents'
  | 'countPendingWebhookEvents'
  | 'enqueueProcessorJob'
  | 'dueProcessorJobs'
>;

/**
 * The one outbox table: every after-commit job (webhook deliveries, processor changes) is
 * a row written in the transaction that decided it and worked off by one worker.
 * Claims and marks go through `untracked`: no cached read depends on the outbox.
 */
export function outboxQueries(s: StoreSession): OutboxQueries {
  // `next_attempt_at` is the wall clock's (the worker's) now, given by the caller: `created_at`
  // is the billing clock's time, which a dev clock may have moved days ahead.
  const enqueue = (row: { id: string; kind: string; subject: string | null; payload: string; created_at: Date; next_attempt_at: Date }) =>
    s.insert('outbox', { ...row });
  const pending = (kind: string, now: Date, limit: number) =>
    s.q(
      `select seq, id, kind, subject, payload, created_at, attempts, next_attempt_at from outbox
       where status = 'pending' and kind = $1 and next_attempt_at <= $2 order by seq limit $3`,
      [kind, now, limit],
    );
  return {
    async claimOutbox(kinds, now, limit, leaseUntil) {
      if (kinds.length === 0) return [];
      const kindParams = kinds.map((_, i) => `$${i + 4}`).join(', ');
      // One statement: the rows are locked while chosen, skipped by other processes
      // claiming at the same time, and leased (next attempt moved) before the lock goes.
      // Only the oldest pending row of each subject and kind is claimable: a subject's rows
      // are carried out in the order they were written, and one that keeps failing holds
      // back that subject's later rows only (rows without a subject are not ordered).
      const rows = await s.untracked(
        `update outbox set next_attempt_at = $3
         where id in (
           select o.id from outbox o
           where o.status = 'pending' and o.next_attempt_at <= $1 and o.kind in (${kindParams})
             and not exists (
               select 1 from outbox e
               where e.status = 'pending' and e.kind = o.kind and e.subject = o.subject and e.seq < o.seq)
           order by o.seq limit $2
           for update skip locked)
         returning seq, id, kind, subject, payload, created_at, attempts`,
        [now, limit, leaseUntil, ...kinds],
      );
      return rows.sort((a, b) => num(a.seq) - num(b.seq)).map(outboxRow);
    },
    async markOutboxDone(id, at) {
      await s.untracked(`update outbox set status = 'done', done_at = $2, attempts = attempts + 1 where id = $1`, [id, at]);
    },
    async markOutboxFailed(id, error, nextAttemptAt) {
      await s.untracked(`update outbox set attempts = attempts + 1, last_error = $2, next_attempt_at = $3 where id = $1`, [
        id,
        error.slice(0, 500),
        nextAttemptAt,
      ]);
    },

    enqueueWebhookEvent: (event) =>
      enqueue({
        id: event.id,
        kind: OUTBOX_KIND.webhook,
        subject: event.subject,
        payload: event.payload,
        created_at: event.created_at,
        next_attempt_at: event.next_attempt_at,
      }),
    async dueWebhookEvents(now, limit) {
      const rows = await pending(OUTBOX_KIND.webhook, now, limit);
      return rows.map(
        (r): WebhookEventRecord => ({
          ...outboxRow(r),
          type: (JSON.parse(r.payload as string) as { type: string }).type,
          next_attempt_at: date(r.next_attempt_at),
        }),
      );
    },
    async countPendingWebhookEvents() {
      const rows = await s.q<{ n: unknown }>(`select count(*)::int as n from outbox where status = 'pending' and kind = $1`, [
        OUTBOX_KIND.webhook,
      ]);
      return num(rows[0]?.n ?? 0);
    },

    enqueueProcessorJob: (job) =>
      enqueue({
        id: job.id,
        kind: job.kind,
        subject: job.subject,
        payload: JSON.stringify({ subscription_id: job.subscription_id, processor_ref: job.processor_ref }),
        created_at: job.created_at,
        next_attempt_at: job.next_attempt_at,
      }),
    async dueProcessorJobs(now, limit) {
      const rows = await pending(OUTBOX_KIND.cancelSubscription, now, limit);
      return rows.map((r) => processorJobOf(outboxRow(r)));
    },
  };
}
