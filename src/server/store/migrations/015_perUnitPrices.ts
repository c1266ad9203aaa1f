import type { Migration } from './Migration';

/**
 * Per-unit (seat) prices: a price of model `per_unit` charges `amount` per unit, sold in
 * `min_quantity`..`max_quantity` units (null: 1, and no upper bound) named `unit_label`
 * ("seat"). Subscriptions and checkout sessions carry their quantity (1 for flat prices,
 * which is what every existing row is); a seat decrease waits for the period end as
 * `pending_quantity` beside `pending_price_id` (null: no pending change of quantity).
 */
export const perUnitPrices: Migration = {
  version: 15,
  name: 'per-unit prices and quantities',
  sql: `
alter table prices drop constraint if exists prices_model_check;
alter table prices
  add constraint prices_model_check check (model in ('recurring','one_time','per_unit')),
  add column unit_label text,
  add column min_quantity integer check (min_quantity >= 1),
  add column max_quantity integer check (max_quantity >= 1),
  add constraint prices_quantity_range check (max_quantity is null or max_quantity >= coalesce(min_quantity, 1));
alter table subscriptions
  add column quantity integer not null default 1 check (quantity >= 1),
  add column pending_quantity integer check (pending_quantity >= 1);
alter table checkout_sessions add column quantity integer not null default 1 check (quantity >= 1);
`,
};
