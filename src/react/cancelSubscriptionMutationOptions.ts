import type { QueryClient, UseMutationOptions } from '@tanstack/react-query';
import type { BillingClient } from '../client/createBillingClient';
import type { BillingError } from '../client/BillingError';
import type { Subscription } from '../contract/types';
import { applySubscription } from './applySubscription';
import { billingKeys } from './billingKeys';

/**
 * Mutation options of cancelling the caller's subscription (`POST /subscription/cancel`), for
 * `useMutation` or `queryClient.getMutationCache()`: the answer replaces the cached
 * subscription and the entitlements refetch. Never retried automatically.
 */
export function cancelSubscriptionMutationOptions(
  client: BillingClient,
  queryClient: QueryClient,
): UseMutationOptions<Subscription, BillingError, { at_period_end: boolean }> {
  return {
    mutationKey: [...billingKeys.subscription(client.scope), 'cancel'],
    mutationFn: (variables) => client.cancelSubscription({ at_period_end: variables.at_period_end }),
    retry: false,
    onSuccess: (subscription) => applySubscription(queryClient, client.scope, subscription),
  };
}
