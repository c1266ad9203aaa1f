'use client';
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { resumeSubscriptionMutationOptions } from './resumeSubscriptionMutationOptions';
import type { BillingError } from '../client/BillingError';
import type { Subscription } from '../contract/types';
import { useBillingContext } from './useBillingContext';

/**
 * Resumes a subscription pending cancellation or paused. On success the answer replaces
 * the cached subscription, and the entitlements and usage refetch. Never retried automatically.
 *
 * @example
 * const resume = useResumeSubscription();
 * resume.mutate();
 */
export function useResumeSubscription(): UseMutationResult<Subscription, BillingError, void> {
  const { client, queryClient } = useBillingContext();
  return useMutation(resumeSubscriptionMutationOptions(client, queryClient), queryClient);
}
