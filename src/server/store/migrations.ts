import type { Db } from './Db';
import { initialSchema } from './initialSchema';

/** One schema change: applied once, in version order, in its own transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema, as ordered migrations. A migration is never edited once released: a
 * change is a new entry at the end. `migrate` applies the missing ones, each in its own
 * transaction, and records them in `billkit_migrations`.
 */
export const migrations: Migration[] = [
  initialSchema,
  {
    version: 2,
    name: 'subscriptions.processor_ref',
    // The processor's own id of a subscription (Stripe `sub_…`), so cancel / resume reach
    // the processor. Earlier versions kept only the reverse map in settings
    // (`stripe_subscription:<sub_…>` → Billkit id); those rows are copied over
    // (`substr(key, 21)`: after the 20 characters of `stripe_subscription:`).
    sql: `
alter table subscriptions add column processor_ref text;
update subscriptions s set processor_ref = substr(st.key, 21)
  from settings st where st.key like 'stripe\\_subscription:%' and st.value = s.id;
create unique index subscriptions_processor_ref on subscriptions(processor_ref) where processor_ref is not null;
`,
  },
  {
    version: 3,
    name: 'processor_jobs',
    // Changes the payment processor must still make, written in the transaction that
    // decided them and carried out after commit with retries (a plan switch cancels the
    // old Stripe subscription). Rows like webhook_events: pending until done.
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
  },
  {
    version: 4,
    name: 'outbox',
    // One table for every after-commit job, worked off by one worker: the webhook events
    // and the processor jobs move in (every row, pending ones still pending, in their
    // order), and their two tables go. `payload` is the job's JSON: the event body for
    // `webhook`, `{ subscription_id, processor_ref }` for `cancel_subscription`.
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
  },
  {
    version: 5,
    name: 'subscription lifecycle',
    // What the lifecycle engine needs (renewals, trial ends, dunning, resumes): when
    // trial_will_end was announced (so it is announced once), when a pause ends, Stripe's
    // attempt_count / next_payment_attempt on invoices, and the subject's card on file.
    sql: `
alter table subscriptions add column trial_will_end_sent_at timestamptz;
alter table subscriptions add column resume_at timestamptz;
alter table invoices add column attempt_count integer not null default 0;
alter table invoices add column next_payment_attempt timestamptz;
create index invoices_next_payment_attempt on invoices(next_payment_attempt) where status = 'open' and next_payment_attempt is not null;
create table payment_methods (
  subject text primary key,
  processor_ref text not null,
  brand text not null,
  last4 text not null,
  exp_month integer not null,
  exp_year integer not null,
  created_at timestamptz not null
);
`,
  },
  {
    version: 6,
    name: 'subscriptions.ended_at',
    // When a subscription ended, beside canceled_at (when it was canceled, or a
    // cancellation at period end was asked for), so clients never have to guess it from
    // the period. Subscriptions already canceled ended when they were canceled.
    sql: `
alter table subscriptions add column ended_at timestamptz;
update subscriptions set ended_at = coalesce(canceled_at, current_period_end) where status = 'canceled';
`,
  },
  {
    version: 7,
    name: 'subject keys user:<id> / org:<id>',
    // Subjects were plain ids, so an org named like a user shared that user's billing.
    // Each is now stored as `<kind>:<id>`. The kind comes from what recorded it (the
    // customer row, a checkout session's subject_kind); a subject seen nowhere else
    // (usage recorded with the API key only) is an org when its id starts with `org_`,
    // as the demo's and the docs' ids do, else a user.
    sql: `
create temp table subject_kinds on commit drop as
  select distinct on (id) id, kind from (
    select id, kind, 0 as rank from customers
    union all select subject, subject_kind, 1 from checkout_sessions
  ) k order by id, rank;
create or replace function pg_temp.subject_key(plain text) returns text language sql stable as $$
  select coalesce((select kind from subject_kinds where id = plain), case when plain like 'org\\_%' then 'org' else 'user' end) || ':' || plain
$$;
update customers set id = kind || ':' || id;
update checkout_sessions set subject = subject_kind || ':' || subject;
update subscriptions set subject = pg_temp.subject_key(subject);
update invoices set subject = pg_temp.subject_key(subject);
update usage_records set subject = pg_temp.subject_key(subject);
update outbox set subject = pg_temp.subject_key(subject) where subject is not null;
update payment_methods set subject = pg_temp.subject_key(subject);
update idempotency_keys set scope = 'checkout:' || pg_temp.subject_key(substr(scope, 10)) where scope like 'checkout:%';
update settings set key = 'stripe_customer:' || pg_temp.subject_key(substr(key, 17)) where key like 'stripe\\_customer:%';
`,
  },
  {
    version: 8,
    name: 'usage_records.idempotency_key',
    // A key per usage event, unique per subject, so a retried batch counts once.
    sql: `
alter table usage_records add column idempotency_key text;
create unique index usage_records_idempotency on usage_records(subject, idempotency_key) where idempotency_key is not null;
`,
  },
  {
    version: 9,
    name: 'plan changes and payment method setups',
    // Issue 13: a downgrade waits for the period end as pending_price_id (the renewal
    // applies it); a net proration credit is carried per subject in customer_balances
    // and taken off the next invoice; a card is attached through a setup (like Stripe's
    // SetupIntent) that belongs to one subject and expires.
    sql: `
alter table subscriptions add column pending_price_id text;
create table customer_balances (
  subject text primary key,
  amount integer not null,
  currency text not null
);
create table payment_method_setups (
  id text primary key,
  subject text not null,
  client_secret text not null,
  status text not null,
  payment_id text,
  expires_at timestamptz not null,
  created_at timestamptz not null
);
`,
  },
  {
    version: 10,
    name: 'invoices.collecting_until',
    // Issue 13: the lease of whoever is charging an open invoice (the customer paying it,
    // or a dunning retry), so the two never both charge it.
    sql: `alter table invoices add column collecting_until timestamptz;`,
  },
  {
    version: 11,
    name: 'subscriptions.lifecycle_failures',
    // A lifecycle step that throws (a processor outage, a bug) is put off with a growing
    // wall-clock delay instead of being retried every tick ahead of everything else due.
    sql: `alter table subscriptions add column lifecycle_failures integer not null default 0, add column lifecycle_retry_at timestamptz;`,
  },
  {
    version: 12,
    name: 'plans.trial_period_days',
    // The plan sets its trial: trial_period_days is its length (null: no trials), the
    // longest trial a checkout may ask for; trial_by_default starts it on checkouts that
    // name no trial_days. It replaces trial_allowed, under which a checkout chose any 1 to
    // 90 days and none by default: such plans keep trials, by request only, of at most
    // 14 days (the length the README and the components always used).
    sql: `
alter table plans
  add column trial_period_days integer check (trial_period_days between 1 and 730),
  add column trial_by_default boolean not null default false;
update plans set trial_period_days = 14 where trial_allowed;
alter table plans add constraint plans_trial_by_default check (not trial_by_default or trial_period_days is not null);
alter table plans drop column trial_allowed;
`,
  },
];

/** Applies the migrations the database does not have yet. Returns how many ran. */
export async function migrate(db: Db): Promise<number> {
  await db.exec(
    `create table if not exists billkit_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())`,
  );
  const rows = await db.query<{ version: number }>(`select version from billkit_migrations`);
  const applied = new Set(rows.map((r) => Number(r.version)));
  let count = 0;
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query(`insert into billkit_migrations (version, name) values ($1, $2)`, [m.version, m.name]);
    });
    count++;
  }
  return count;
}
