import type { Migration } from './Migration';

/**
 * One table for every after-commit job, worked off by one worker: the webhook events
 * and the processor jobs move in (every row, pending ones still pending, in their
 * order), and their two tables go. `payload` is the job's JSON: the event body for
 * `webhook`, `{ subscription_id, processor_ref }` for `cancel_subscription`.
 */
export const outbox: Migration = {
  version: 4,
  name: 'outbox',
  sql: `
create table outbox (
  seq bigserial unique,
  id text primary key,
  kind text not null,
  subject text,
  payload text not null,
  created_at timestamptz not null,
  status text not null default 'pending' check (status in ('pending','done')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  last_error text,
  done_at timestamptz
);
create index outbox_due on outbox(status, next_attempt_at);
insert into outbox (id, kind, subject, payload, created_at, status, attempts, next_attempt_at, last_error, done_at)
  select id, kind, subject, payload, created_at, status, attempts, next_attempt_at, last_error, done_at from (
    select seq, 0 as source, id, 'webhook' as kind, null::text as subject, payload, created_at,
      case status when 'delivered' then 'done' else 'pending' end as status,
      attempts, next_attempt_at, last_error, delivered_at as done_at
    from webhook_events
    union all
    select seq, 1, id, kind, subject,
      json_build_object('subscription_id', subscription_id, 'processor_ref', processor_ref)::text,
      created_at, status, attempts, next_attempt_at, last_error, done_at
    from processor_jobs
  ) moved order by source, seq;
drop table webhook_events;
drop table processor_jobs;
`,
};
