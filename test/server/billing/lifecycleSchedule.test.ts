import { describe, expect, it } from 'vitest';
import type { SubscriptionStatus } from '../../../src/contract/types';
import { nextStepOf, scheduleOf, TRIAL_WILL_END_LEAD_MS, type SchedulableSubscription } from '../../../src/server/billing/lifecycleSchedule';

// The one rule of when a subscription's next lifecycle step is due, over every status.
const PERIOD_END = new Date('2025-05-01T00:00:00Z');
const RESUME_AT = new Date('2025-04-20T00:00:00Z');
const sub = (status: SubscriptionStatus, fields: Partial<SchedulableSubscription> = {}): SchedulableSubscription => ({
  status,
  current_period_end: PERIOD_END,
  trial_end: null,
  processor_ref: null,
  trial_will_end_sent_at: null,
  resume_at: null,
  ...fields,
});
const periodEnd = { kind: 'period_end', at: PERIOD_END };

describe('scheduleOf', () => {
  // Every status, with and without the fields that could make it schedule something else.
  const TABLE: Record<SubscriptionStatus, { plain: unknown; withResumeDate: unknown }> = {
    active: { plain: periodEnd, withResumeDate: periodEnd },
    past_due: { plain: periodEnd, withResumeDate: periodEnd },
    trialing: { plain: periodEnd, withResumeDate: periodEnd },
    paused: { plain: null, withResumeDate: { kind: 'resume', at: RESUME_AT } },
    incomplete: { plain: null, withResumeDate: null },
    canceled: { plain: null, withResumeDate: null },
  };

  it.each(Object.keys(TABLE) as SubscriptionStatus[])('%s: as the table says, and nothing once the processor holds it', (status) => {
    expect(scheduleOf(sub(status))).toEqual(TABLE[status].plain);
    expect(scheduleOf(sub(status, { resume_at: RESUME_AT }))).toEqual(TABLE[status].withResumeDate);
    expect(scheduleOf(sub(status, { processor_ref: 'sub_stripe', resume_at: RESUME_AT }))).toBeNull();
  });

  it('a trial announces its end 3 days ahead, once, then its period end is next', () => {
    expect(TRIAL_WILL_END_LEAD_MS).toBe(3 * 86_400_000);
    const trial = sub('trialing', { trial_end: PERIOD_END });
    expect(scheduleOf(trial)).toEqual({ kind: 'trial_will_end', at: new Date('2025-04-28T00:00:00Z') });
    expect(scheduleOf({ ...trial, trial_will_end_sent_at: new Date('2025-04-28T00:00:00Z') })).toEqual(periodEnd);
  });

  it('announces only when 3 days before the trial end comes before the period end', () => {
    expect(scheduleOf(sub('trialing', { trial_end: new Date('2025-05-03T23:59:59Z') }))).toEqual({
      kind: 'trial_will_end',
      at: new Date('2025-04-30T23:59:59Z'),
    });
    expect(scheduleOf(sub('trialing', { trial_end: new Date('2025-05-04T00:00:00Z') }))).toEqual(periodEnd);
  });
});

describe('nextStepOf', () => {
  it('is the schedule as the store writes it, both columns null when nothing is due', () => {
    expect(nextStepOf(sub('active'))).toEqual({ kind: 'period_end', at: PERIOD_END, decidedBy: 'lifecycleSchedule' });
    expect(nextStepOf(sub('canceled'))).toEqual({ kind: null, at: null, decidedBy: 'lifecycleSchedule' });
  });
});
