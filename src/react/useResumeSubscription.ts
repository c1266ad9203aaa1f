import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { Subscription } from '../client/types';
import { billingKeys } from './billingKeys';
import { useBillingContext } from './useBillingContext';
import { applySubscription } from './applySubscription';

/**
 * Resumes a subscription pending cancellation or paused. On success the answer replaces
 * the cached subscription, and the entitlements and usage refetch. Never retried automatically.
 *
 * @example
 * const resume = useResumeSubscription();
 * resume.mutate();
 */
export function useResumeSubscription(): UseMutationResult<Subscription, BillingError, void> {
  const { client, queryClient, scope } = useBillingContext();
  return useMutation(
    {
      mutationKey: [...billingKeys.subscription(scope), 'resume'],
      mutationFn: () => client.resumeSubscription(),
      retry: false,
      onSuccess: (subscription) => applySubscription(queryClient, scope, subscription),
    },
    queryClient,
  );
}
