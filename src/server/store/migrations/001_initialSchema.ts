import type { Migration } from './Migration';

/**
 * Migration 1: the schema of the first release (catalogue, subscriptions, invoices, usage,
 * checkout sessions, webhook events, settings). Never edited; later changes are new
 * files in this folder, listed in `index.ts`.
 */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  sql: `
create table plans (
  id text primary key,
  key text not null unique,
  name text not null,
  description text,
  features jsonb not null default '[]',
  recommended boolean not null default false,
  hidden boolean not null default false,
  trial_allowed boolean not null default true,
  sort_order integer not null default 0
);
create table prices (
  id text primary key,
  plan_id text not null references plans(id),
  amount integer not null check (amount >= 0),
  currency text not null,
  interval text check (interval in ('day','week','month','year')),
  model text not null check (model in ('recurring','one_time')),
  sort_order integer not null default 0
);
create index prices_plan on prices(plan_id, sort_order);
-- plan_id null = the free tier (callers without an entitled subscription); "limit" null = unlimited.
create table usage_limits (
  plan_id text references plans(id),
  metric text not null,
  "limit" bigint
);
create unique index usage_limits_plan_metric on usage_limits(coalesce(plan_id, ''), metric);
create table promotion_codes (
  code text primary key,
  percent_off integer check (percent_off between 1 and 100),
  amount_off integer check (amount_off > 0),
  currency text,
  duration text not null check (duration in ('once','repeating','forever')),
  duration_in_months integer,
  expires_at timestamptz,
  check ((percent_off is null) <> (amount_off is null))
);
create table customers (
  id text primary key,
  kind text not null check (kind in ('user','org')),
  name text,
  email text,
  created_at timestamptz not null
);
create table subscriptions (
  seq bigserial unique,
  id text primary key,
  subject text not null,
  price_id text not null references prices(id),
  status text not null check (status in ('active','trialing','past_due','canceled','paused','incomplete')),
  current_period_start timestamptz not null,
  current_period_end timestamptz not null,
  cancel_at_period_end boolean not null default false,
  trial_end timestamptz,
  canceled_at timestamptz,
  promotion_code text references promotion_codes(code),
  created_at timestamptz not null
);
create index subscriptions_subject on subscriptions(subject, created_at desc, seq desc);
create table invoices (
  id text primary key,
  number serial unique,
  subject text not null,
  subscription_id text references subscriptions(id),
  amount_due integer not null,
  amount_paid integer not null,
  currency text not null,
  status text not null check (status in ('draft','open','paid','void','uncollectible')),
  period_start timestamptz not null,
  period_end timestamptz not null,
  subtotal integer not null,
  discount_amount integer not null default 0,
  discount_description text,
  created_at timestamptz not null
);
create index invoices_subject on invoices(subject, created_at desc, id desc);
create table invoice_lines (
  invoice_id text not null references invoices(id),
  position integer not null,
  description text not null,
  quantity integer not null,
  unit_amount integer not null,
  amount integer not null,
  period_start timestamptz,
  period_end timestamptz,
  primary key (invoice_id, position)
);
create table checkout_sessions (
  id text primary key,
  subject text not null,
  subject_kind text not null check (subject_kind in ('user','org')),
  price_id text not null references prices(id),
  promotion_code text references promotion_codes(code),
  trial_days integer,
  success_url text not null,
  cancel_url text not null,
  ui_mode text not null check (ui_mode in ('hosted','embedded')),
  client_secret text not null,
  status text not null check (status in ('open','requires_action','complete')),
  amount_subtotal integer not null,
  amount_discount integer not null,
  amount_due_today integer not null,
  currency text not null,
  payment_id text,
  paid_at timestamptz,
  fulfilled_at timestamptz,
  activated_at timestamptz,
  subscription_id text references subscriptions(id),
  expires_at timestamptz not null,
  created_at timestamptz not null
);
create index checkout_sessions_subject on checkout_sessions(subject);
create table usage_records (
  id bigserial primary key,
  subject text not null,
  metric text not null,
  quantity bigint not null check (quantity > 0),
  recorded_at timestamptz not null
);
create index usage_records_subject on usage_records(subject, metric, recorded_at);
create table webhook_events (
  seq bigserial unique,
  id text primary key,
  type text not null,
  payload text not null,
  created_at timestamptz not null,
  status text not null default 'pending' check (status in ('pending','delivered')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  last_error text,
  delivered_at timestamptz
);
create index webhook_events_due on webhook_events(status, next_attempt_at);
create table idempotency_keys (
  scope text not null,
  key text not null,
  request_hash text not null,
  status integer not null,
  response text not null,
  created_at timestamptz not null,
  primary key (scope, key)
);
create table settings (
  key text primary key,
  value text not null
);
`,
};
