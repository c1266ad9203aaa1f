import type { SubscriptionRecord } from '../store/records';
import type { Store, SubscriptionPatch } from '../store/Store';
import { nextStepOf } from './lifecycleSchedule';

/**
 * The one way billing writes a subscription row: with its next lifecycle step decided
 * from the row as it is after the write (`nextStepOf`), so no change can leave a stale
 * schedule behind. (The store takes the step as a required argument it cannot make.)
 */

/** Writes a new subscription and its first lifecycle step. */
export async function saveNewSubscription(store: Store, sub: SubscriptionRecord): Promise<void> {
  await store.insertSubscription(sub, nextStepOf(sub));
}

/**
 * Applies `patch` to the subscription `current` (as read in this transaction, with any
 * earlier change of it applied: pass what the previous call returned) and reschedules it.
 * Returns `current` with the patch applied.
 */
export async function saveSubscription<T extends SubscriptionRecord>(store: Store, current: T, patch: SubscriptionPatch): Promise<T> {
  // As the store writes it: a key left undefined keeps its value.
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as SubscriptionPatch;
  const next: T = { ...current, ...defined };
  await store.updateSubscription(current.id, patch, nextStepOf(next));
  return next;
}
