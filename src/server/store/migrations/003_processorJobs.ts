import type { Migration } from './Migration';

/**
 * Changes the payment processor must still make, written in the transaction that
 * decided them and carried out after commit with retries (a plan switch cancels the
 * old Stripe subscription). Rows like webhook_events: pending until done.
 */
export const processorJobs: Migration = {
  version: 3,
  name: 'processor_jobs',
  sql: `
create table processor_jobs (
  seq bigserial unique,
  id text primary key,
  kind text not null check (kind in ('cancel_subscription')),
  subscription_id text not null references subscriptions(id),
  processor_ref text not null,
  subject text not null,
  created_at timestamptz not null,
  status text not null default 'pending' check (status in ('pending','done')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  last_error text,
  done_at timestamptz
);
create index processor_jobs_due on processor_jobs(status, next_attempt_at);
`,
};
