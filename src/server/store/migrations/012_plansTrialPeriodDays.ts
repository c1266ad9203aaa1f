import type { Migration } from './Migration';

/**
 * The plan sets its trial: trial_period_days is its length (null: no trials), the
 * longest trial a checkout may ask for; trial_by_default starts it on checkouts that
 * name no trial_days. It replaces trial_allowed, under which a checkout chose any 1 to
 * 90 days and none by default: such plans keep trials, by request only, of at most
 * 14 days (the length the README and the components always used).
 */
export const plansTrialPeriodDays: Migration = {
  version: 12,
  name: 'plans.trial_period_days',
  sql: `
alter table plans
  add column trial_period_days integer check (trial_period_days between 1 and 730),
  add column trial_by_default boolean not null default false;
update plans set trial_period_days = 14 where trial_allowed;
alter table plans add constraint plans_trial_by_default check (not trial_by_default or trial_period_days is not null);
alter table plans drop column trial_allowed;
`,
};
