import {
  canCancel,
  canChangePlan,
  canResume,
  endedStatuses,
  isEnded,
  isEntitled,
  liveStatuses,
  needsPayment,
  subscriptionRules,
} from '../../src/contract/subscriptionRules';
import type { SubscriptionStatus } from '../../src/contract/types';

// The whole table, written out: a rule that changes for one status changes here on purpose.
const TABLE: Record<SubscriptionStatus, Record<keyof (typeof subscriptionRules)['active'], boolean | 'canceling'>> = {
  active: { ended: false, live: true, entitled: true, needsPayment: false, canCancel: true, canResume: 'canceling', canChangePlan: true },
  trialing: { ended: false, live: true, entitled: true, needsPayment: false, canCancel: true, canResume: 'canceling', canChangePlan: true },
  past_due: { ended: false, live: true, entitled: true, needsPayment: true, canCancel: true, canResume: 'canceling', canChangePlan: false },
  incomplete: { ended: false, live: false, entitled: false, needsPayment: true, canCancel: true, canResume: 'canceling', canChangePlan: false },
  paused: { ended: false, live: false, entitled: false, needsPayment: false, canCancel: true, canResume: true, canChangePlan: false },
  canceled: { ended: true, live: false, entitled: false, needsPayment: false, canCancel: false, canResume: false, canChangePlan: false },
};
const STATUSES = Object.keys(TABLE) as SubscriptionStatus[];

describe('subscriptionRules', () => {
  it('has one row per status, each as the table above', () => {
    expect(subscriptionRules).toEqual(TABLE);
  });

  it('lists the live statuses (they renew and bill) and the ended ones for SQL', () => {
    expect(liveStatuses).toEqual(['active', 'trialing', 'past_due']);
    expect(endedStatuses).toEqual(['canceled']);
  });
});

describe.each(STATUSES)('a %s subscription', (status) => {
  const rules = TABLE[status];
  const running = { status, cancel_at_period_end: false };
  const canceling = { status, cancel_at_period_end: true };

  it(`${rules.ended ? 'is' : 'is not'} over`, () => {
    expect(isEnded(running)).toBe(rules.ended);
    expect(isEnded(canceling)).toBe(rules.ended);
  });

  it(`${rules.entitled ? 'grants' : 'does not grant'} its plan, pending cancellation or not`, () => {
    expect(isEntitled(running)).toBe(rules.entitled);
    expect(isEntitled(canceling)).toBe(rules.entitled);
  });

  it(`${rules.needsPayment ? 'needs' : 'does not need'} payment`, () => {
    expect(needsPayment(running)).toBe(rules.needsPayment);
    expect(needsPayment(canceling)).toBe(rules.needsPayment);
  });

  it(`${rules.canCancel ? 'can' : 'cannot'} be canceled, and not again while pending cancellation`, () => {
    expect(canCancel(running)).toBe(rules.canCancel);
    expect(canCancel(canceling)).toBe(false);
  });

  it(`resumes: ${rules.canResume === 'canceling' ? 'only while pending cancellation' : rules.canResume ? 'always' : 'never'}`, () => {
    expect(canResume(running)).toBe(rules.canResume === true);
    expect(canResume(canceling)).toBe(rules.canResume !== false);
  });

  it(`${rules.canChangePlan ? 'can' : 'cannot'} change plan, and never while pending cancellation`, () => {
    expect(canChangePlan(running)).toBe(rules.canChangePlan);
    expect(canChangePlan(canceling)).toBe(false);
  });
});

describe('canResume', () => {
  it('refuses an active subscription that is not pending cancellation', () => {
    expect(canResume({ status: 'active', cancel_at_period_end: false })).toBe(false);
  });

  it('refuses a canceled subscription still flagged cancel_at_period_end', () => {
    expect(canResume({ status: 'canceled', cancel_at_period_end: true })).toBe(false);
  });
});
