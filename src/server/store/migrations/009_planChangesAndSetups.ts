import type { Migration } from './Migration';

/**
 * A downgrade waits for the period end as pending_price_id (the renewal
 * applies it); a net proration credit is carried per subject in customer_balances
 * and taken off the next invoice; a card is attached through a setup (like Stripe's
 * SetupIntent) that belongs to one subject and expires.
 */
export const planChangesAndSetups: Migration = {
  version: 9,
  name: 'plan changes and payment method setups',
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
};
