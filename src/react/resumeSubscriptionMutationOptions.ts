import type { QueryClient, UseMutationOptions } from '@tanstack/react-query';
import type { BillingClient } from '../client/createBillingClient';
import type { BillingError } from '../client/BillingError';
import type { Subscription } from '../contract/types';
import { applySubscription } from './applySubscription';
import { billingKeys } from './billingKeys';

/**
 * Mutation options of resuming the caller's subscription (`POST /subscription/resume`): the
 * answer replaces the cached subscription and the entitlements refetch. Never retried automatically.
 */
export function resumeSubscriptionMutationOptions(
  client: BillingClient,
  queryClient: QueryClient,
): UseMutationOptions<Subscription, BillingError, void> {
  return {
    mutationKey: [...billingKeys.subscription(client.scope), 'resume'],
    mutationFn: () => client.resumeSubscription(),
    retry: false,
    onSuccess: (subscription) => applySubscription(queryClient, client.scope, subscription),
  };
}
