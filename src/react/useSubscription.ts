'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { Subscription } from '../contract/types';
import { subscriptionQueryOptions } from './subscriptionQueryOptions';
import { useBillingContext } from './useBillingContext';

/**
 * The caller's subscription; `data` is `null` when there is none.
 *
 * @example
 * const { data: subscription } = useSubscription();
 */
export function useSubscription(): UseQueryResult<Subscription | null, BillingError> {
  const { client, queryClient } = useBillingContext();
  return useQuery(subscriptionQueryOptions(client), queryClient);
}
