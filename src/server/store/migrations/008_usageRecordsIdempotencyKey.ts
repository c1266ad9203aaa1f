import type { Migration } from './Migration';

/**
 * A key per usage event, unique per subject, so a retried batch counts once.
 */
export const usageRecordsIdempotencyKey: Migration = {
  version: 8,
  name: 'usage_records.idempotency_key',
  sql: `
alter table usage_records add column idempotency_key text;
create unique index usage_records_idempotency on usage_records(subject, idempotency_key) where idempotency_key is not null;
`,
};
