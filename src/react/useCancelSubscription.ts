'use client';
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { cancelSubscriptionMutationOptions } from './cancelSubscriptionMutationOptions';
import type { BillingError } from '../client/BillingError';
import type { Subscription } from '../contract/types';
import { useBillingContext } from './useBillingContext';

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
  const { client, queryClient } = useBillingContext();
  return useMutation(cancelSubscriptionMutationOptions(client, queryClient), queryClient);
}
