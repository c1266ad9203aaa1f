// Type tests, checked by `tsc --noEmit` (not run): the rules are a Record over every
// subscription status, so a status without a row, or a row for no status, fails to compile.
import { expectTypeOf } from 'vitest';
import { canResume, subscriptionRules, type SubscriptionStatusRules } from '../../src/contract/subscriptionRules';
import type { SubscriptionStatus } from '../../src/contract/types';

expectTypeOf(subscriptionRules).toEqualTypeOf<Readonly<Record<SubscriptionStatus, Readonly<SubscriptionStatusRules>>>>();

// @ts-expect-error an unknown status has no rules
canResume({ status: 'unpaid', cancel_at_period_end: false });

// @ts-expect-error an unknown status has no row
void subscriptionRules.unpaid;

// @ts-expect-error a table missing a status does not type as the rules
const _missingStatus: typeof subscriptionRules = {
  active: subscriptionRules.active,
  trialing: subscriptionRules.trialing,
  past_due: subscriptionRules.past_due,
  canceled: subscriptionRules.canceled,
  paused: subscriptionRules.paused,
};
