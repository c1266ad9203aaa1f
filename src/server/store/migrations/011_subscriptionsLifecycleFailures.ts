import type { Migration } from './Migration';

/**
 * A lifecycle step that throws (a processor outage, a bug) is put off with a growing
 * wall-clock delay instead of being retried every tick ahead of everything else due.
 */
export const subscriptionsLifecycleFailures: Migration = {
  version: 11,
  name: 'subscriptions.lifecycle_failures',
  sql: `alter table subscriptions add column lifecycle_failures integer not null default 0, add column lifecycle_retry_at timestamptz;`,
};
