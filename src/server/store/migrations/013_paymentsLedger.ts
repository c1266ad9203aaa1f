import type { Migration } from './Migration';

/**
 * Every charge the proxy asks a processor for is first written here (pending, with the
 * processor idempotency key derived from the payment's own id), then made, then settled,
 * so a charge survives a crash as a row that can be reconciled with the processor instead
 * of being made again. `owner` is the proxy process that made it: a pending payment of a
 * process that is gone is reconciled before its object is charged again.
 * `test_processor_charges` is the built-in test processor's own ledger (every charge and
 * refund by key), kept in the database so it survives restarts like a real processor's.
 * An idempotency key's answer is null while its first request runs (`owner` holds it).
 */
export const paymentsLedger: Migration = {
  version: 13,
  name: 'payments ledger',
  sql: `
create table payments (
  id text primary key,
  subject text not null,
  object_kind text not null,
  object_id text not null,
  subscription_id text,
  purpose text not null,
  attempt integer not null,
  idempotency_key text not null unique,
  amount integer not null,
  currency text not null,
  status text not null,
  owner text not null,
  request_key text,
  plan jsonb,
  processor_payment_id text,
  failure_code text,
  failure_message text,
  refund_id text,
  created_at timestamptz not null,
  settled_at timestamptz,
  unique (object_kind, object_id, attempt)
);
create index payments_pending on payments(status) where status in ('pending', 'requires_action');
create index payments_subject on payments(subject, created_at);
create table test_processor_charges (
  idempotency_key text primary key,
  kind text not null,
  payment_id text not null,
  amount integer not null,
  currency text not null,
  status text not null,
  result jsonb not null,
  description text not null,
  created_at timestamptz not null
);
alter table idempotency_keys alter column status drop not null, alter column response drop not null, add column owner text;
alter table invoices drop column collecting_until;
`,
};
