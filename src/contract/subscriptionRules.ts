import type { Subscription, SubscriptionStatus } from './types';

/** What a subscription in one status does and allows: one row of {@link subscriptionRules}. */
export interface SubscriptionStatusRules {
  /** Over: it stays the current subscription only until the period it paid for ends. */
  ended: boolean;
  /** Renews and bills at the end of its period (the lifecycle's period end). */
  live: boolean;
  /** Grants its plan's features (`GET /entitlements`, usage). */
  entitled: boolean;
  /** Waits on an open invoice: the UI offers to update the card, paying the last open one makes it `active`. */
  needsPayment: boolean;
  /** May be canceled, at once or at the end of its period. */
  canCancel: boolean;
  /** `true`: may be resumed; `'canceling'`: only while pending cancellation (`cancel_at_period_end`). */
  canResume: boolean | 'canceling';
  /** May change plan, unless pending cancellation (resume it first). */
  canChangePlan: boolean;
}

/**
 * The subscription rules, one row per status, shared by the UI, the billing rules and the
 * store's SQL. A `Record` over every status, so a new status fails to compile until its
 * row is written.
 */
export const subscriptionRules: Readonly<Record<SubscriptionStatus, Readonly<SubscriptionStatusRules>>> = {
  active: { ended: false, live: true, entitled: true, needsPayment: false, canCancel: true, canResume: 'canceling', canChangePlan: true },
  trialing: { ended: false, live: true, entitled: true, needsPayment: false, canCancel: true, canResume: 'canceling', canChangePlan: true },
  past_due: { ended: false, live: true, entitled: true, needsPayment: true, canCancel: true, canResume: 'canceling', canChangePlan: false },
  incomplete: { ended: false, live: false, entitled: false, needsPayment: true, canCancel: true, canResume: 'canceling', canChangePlan: false },
  paused: { ended: false, live: false, entitled: false, needsPayment: false, canCancel: true, canResume: true, canChangePlan: false },
  canceled: { ended: true, live: false, entitled: false, needsPayment: false, canCancel: false, canResume: false, canChangePlan: false },
};

/** The fields the rules read: a wire `Subscription` or a store record. */
export type SubscriptionLike = Pick<Subscription, 'status' | 'cancel_at_period_end'>;

// Pure, so a browser bundle that needs no SQL parameters drops them.
const statusesWhere = (rule: 'ended' | 'live') => (Object.keys(subscriptionRules) as SubscriptionStatus[]).filter((s) => subscriptionRules[s][rule]);

/** The statuses that renew and bill, for SQL as a parameter (`status = any($1::text[])`). */
export const liveStatuses: readonly SubscriptionStatus[] = /* @__PURE__ */ statusesWhere('live');

/** The statuses of a subscription that is over (`canceled`), for SQL as a parameter. */
export const endedStatuses: readonly SubscriptionStatus[] = /* @__PURE__ */ statusesWhere('ended');

/** Whether the subscription is over (`canceled`): nothing more is billed, changed or resumed. */
export const isEnded = (sub: SubscriptionLike): boolean => subscriptionRules[sub.status].ended;

/** Whether the subscription grants its plan's features (`active`, `trialing`, `past_due`). */
export const isEntitled = (sub: SubscriptionLike): boolean => subscriptionRules[sub.status].entitled;

/** Whether the subscription waits on an open invoice (`past_due`, `incomplete`). */
export const needsPayment = (sub: SubscriptionLike): boolean => subscriptionRules[sub.status].needsPayment;

/** Whether a cancellation is still to be asked for: the status allows one and none is pending. */
export const canCancel = (sub: SubscriptionLike): boolean => subscriptionRules[sub.status].canCancel && !sub.cancel_at_period_end;

/** Whether `POST /subscription/resume` accepts it: a pause, or a cancellation pending at period end. */
export function canResume(sub: SubscriptionLike): boolean {
  const rule = subscriptionRules[sub.status].canResume;
  return rule === 'canceling' ? sub.cancel_at_period_end : rule;
}

/** Whether the plan may change now: an `active` or `trialing` subscription not pending cancellation. */
export const canChangePlan = (sub: SubscriptionLike): boolean => subscriptionRules[sub.status].canChangePlan && !sub.cancel_at_period_end;
