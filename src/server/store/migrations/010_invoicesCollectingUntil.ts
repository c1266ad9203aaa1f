import type { Migration } from './Migration';

/**
 * The lease of whoever is charging an open invoice (the customer paying it, or a
 * dunning retry), so the two never both charge it.
 */
export const invoicesCollectingUntil: Migration = {
  version: 10,
  name: 'invoices.collecting_until',
  sql: `alter table invoices add column collecting_until timestamptz;`,
};
