import type { Migration } from './Migration';

/**
 * A price may bill usage in arrears: `usage` is its components, one per metric
 * (`[{ metric, included, mode, tiers: [{ up_to, unit_amount, per }], at_limit }]`, see
 * `PriceUsage` in the contract); `[]` for a price that bills no usage, as every existing one.
 */
export const pricesUsage: Migration = {
  version: 17,
  name: 'prices.usage',
  sql: `alter table prices add column usage jsonb not null default '[]'::jsonb;`,
};
