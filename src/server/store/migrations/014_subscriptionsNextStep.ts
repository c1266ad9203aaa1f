import type { Migration } from './Migration';

/**
 * Each subscription carries its next lifecycle step (`period_end`, `trial_will_end`,
 * `resume`) and when it is due, written by billing with every write of the row
 * (billing/lifecycleSchedule.ts), so the lifecycle's claim reads one indexed column
 * instead of deciding due-ness in SQL. Existing rows are backfilled by the rule as it
 * stands at this version (frozen here with the migration): nothing for a subscription
 * the processor holds; a paused one resumes on its resume date (if it has one); a trial
 * not yet announced says `trial_will_end` 3 days before its end, when that comes before
 * the period end; the live statuses (`active`, `trialing`, `past_due`) end their period
 * at `current_period_end`; `incomplete` and `canceled` have no step.
 */
export const subscriptionsNextStep: Migration = {
  version: 14,
  name: 'subscriptions.next_step',
  sql: `
alter table subscriptions
  add column next_step_kind text check (next_step_kind in ('period_end', 'trial_will_end', 'resume')),
  add column next_step_at timestamptz,
  add constraint subscriptions_next_step_pair check ((next_step_kind is null) = (next_step_at is null));
update subscriptions set
  next_step_kind = case
    when status = 'paused' then 'resume'
    when status = 'trialing' and trial_will_end_sent_at is null and trial_end - interval '3 days' < current_period_end then 'trial_will_end'
    else 'period_end'
  end,
  next_step_at = case
    when status = 'paused' then resume_at
    when status = 'trialing' and trial_will_end_sent_at is null and trial_end - interval '3 days' < current_period_end then trial_end - interval '3 days'
    else current_period_end
  end
where processor_ref is null
  and (status in ('active', 'trialing', 'past_due') or (status = 'paused' and resume_at is not null));
create index subscriptions_next_step on subscriptions(next_step_at, seq) where next_step_at is not null;
`,
};
