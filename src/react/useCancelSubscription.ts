import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { Subscription } from '../client/types';
import { billingKeys } from './billingKeys';
import { useBillingContext } from './useBillingContext';
import { applySubscription } from './applySubscription';

/**
 * Cancels the caller's subscription, now (`at_period_end: false`) or at the end of the
 * period. On success the answer replaces the cached subscription, and the entitlements
 * and usage refetch; the mutation stays pending until they have. Never retried automatically.
 *
 * @example
 * const cancel = useCancelSubscription();
 * cancel.mutate({ at_period_end: true });
 */
export function useCancelSubscription(): UseMutationResult<Subscription, BillingError, { at_period_end: boolean }> {
  const { client, queryClient, scope } = useBillingContext();
  return useMutation(
    {
      mutationKey: [...billingKeys.subscription(scope), 'cancel'],
      mutationFn: (variables) => client.cancelSubscription({ at_period_end: variables.at_period_end }),
      retry: false,
      onSuccess: (subscription) => applySubscription(queryClient, scope, subscription),
    },
    queryClient,
  );
}
