import type { QueryClient, UseMutationOptions } from '@tanstack/react-query';
import type { BillingClient } from '../client/createBillingClient';
import type { BillingError } from '../client/BillingError';
import type { PlanChangeRequest, Subscription } from '../contract/types';
import { applySubscription } from './applySubscription';
import { billingKeys } from './billingKeys';
import { idempotencyKey } from './idempotencyKey';

/** Variables of {@link changePlanMutationOptions} (and `useChangePlan`). */
export type UseChangePlanVariables = PlanChangeRequest & {
  /** Defaults to a fresh key per call: one `mutate` is one change (one proration charge). */
  idempotencyKey?: string;
};

/**
 * Mutation options of changing the caller's plan (`POST /subscription/change`): the answer
 * replaces the cached subscription, the entitlements and usage refetch (as after a cancel),
 * the invoices too (a change made now adds its proration invoice), and cached previews
 * are dropped, since they priced the old plan. Never retried automatically.
 */
export function changePlanMutationOptions(
  client: BillingClient,
  queryClient: QueryClient,
): UseMutationOptions<Subscription, BillingError, UseChangePlanVariables> {
  return {
    mutationKey: [...billingKeys.subscription(client.scope), 'change'],
    mutationFn: ({ idempotencyKey: key, ...body }) => client.changePlan(body, { idempotencyKey: key ?? idempotencyKey() }),
    retry: false,
    onSuccess: async (subscription) => {
      queryClient.removeQueries({ queryKey: billingKeys.planChangePreview(undefined, client.scope) });
      await Promise.all([
        applySubscription(queryClient, client.scope, subscription),
        queryClient.invalidateQueries({ queryKey: billingKeys.invoices(undefined, client.scope) }),
      ]);
    },
  };
}
