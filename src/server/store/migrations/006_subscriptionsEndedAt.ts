import type { Migration } from './Migration';

/**
 * When a subscription ended, beside canceled_at (when it was canceled, or a
 * cancellation at period end was asked for), so clients never have to guess it from
 * the period. Subscriptions already canceled ended when they were canceled.
 */
export const subscriptionsEndedAt: Migration = {
  version: 6,
  name: 'subscriptions.ended_at',
  sql: `
alter table subscriptions add column ended_at timestamptz;
update subscriptions set ended_at = coalesce(canceled_at, current_period_end) where status = 'canceled';
`,
};
