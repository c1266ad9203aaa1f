import { subscriptionRules } from '../../contract/subscriptionRules';
import type { SubscriptionStatus } from '../../contract/types';
import type { NextStep, SubscriptionRecord, SubscriptionStepKind } from '../store/records';

/** How long before a trial's end `subscription.trial_will_end` is sent (Stripe's 3 days). */
export const TRIAL_WILL_END_LEAD_MS = 3 * 86_400_000;

/** A subscription's next lifecycle step and the instant it falls due. */
export interface LifecycleSchedule {
  kind: SubscriptionStepKind;
  at: Date;
}

/** The fields of a subscription its schedule depends on. */
export type SchedulableSubscription = Pick<SubscriptionRecord, 'status' | 'current_period_end' | 'trial_end' | 'processor_ref'> &
  Pick<SubscriptionRecord, 'trial_will_end_sent_at' | 'resume_at'>;

type Rule = (sub: SchedulableSubscription) => LifecycleSchedule | null;

/** The end of the period, for the statuses that renew and bill there (`live`); else nothing. */
const periodEnd: Rule = (sub) => (subscriptionRules[sub.status].live ? { kind: 'period_end', at: sub.current_period_end } : null);

/** A trial announces its end once, ahead of it, unless the period ends first. */
const trialWillEnd: Rule = (sub) => {
  if (sub.trial_will_end_sent_at || !sub.trial_end) return null;
  const at = new Date(sub.trial_end.getTime() - TRIAL_WILL_END_LEAD_MS);
  return at.getTime() < sub.current_period_end.getTime() ? { kind: 'trial_will_end', at } : null;
};

/**
 * What comes next for each status, one row each: a `Record` over every status, so a new
 * status fails to compile until it says. `period_end` covers renewals, trial ends and
 * cancellations at period end alike: `endPeriod` decides which from the row.
 */
const byStatus: Readonly<Record<SubscriptionStatus, Rule>> = {
  active: periodEnd,
  past_due: periodEnd,
  trialing: (sub) => trialWillEnd(sub) ?? periodEnd(sub),
  // Resumes by itself on its resume date; without one it stays paused until resumed.
  paused: (sub) => (sub.resume_at ? { kind: 'resume', at: sub.resume_at } : null),
  // Not live: an incomplete one waits on its first invoice (that invoice's charge is the
  // `retry` step), a canceled one is over.
  incomplete: periodEnd,
  canceled: periodEnd,
};

/**
 * When the subscription's next lifecycle step falls due, and which it is; null when
 * nothing will happen by itself: the processor holds it (`processor_ref`, Stripe runs its
 * lifecycle), it is over, incomplete, or paused with no resume date. The one rule of
 * due-ness: the store's claim only reads what this decided (`next_step_at`).
 */
export function scheduleOf(sub: SchedulableSubscription): LifecycleSchedule | null {
  if (sub.processor_ref) return null;
  return byStatus[sub.status](sub);
}

/** {@link scheduleOf} as the store writes it with the row (see `saveSubscription`). */
export function nextStepOf(sub: SchedulableSubscription): NextStep {
  const next = scheduleOf(sub);
  return { kind: next?.kind ?? null, at: next?.at ?? null, decidedBy: 'lifecycleSchedule' };
}
