import type { Migration } from './Migration';

/**
 * What the lifecycle engine needs (renewals, trial ends, dunning, resumes): when
 * trial_will_end was announced (so it is announced once), when a pause ends, Stripe's
 * attempt_count / next_payment_attempt on invoices, and the subject's card on file.
 */
export const subscriptionLifecycle: Migration = {
  version: 5,
  name: 'subscription lifecycle',
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
};
