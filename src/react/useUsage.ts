'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { UsageSummary } from '../contract/types';
import { usageQueryOptions } from './usageQueryOptions';
import { useBillingContext } from './useBillingContext';

/**
 * Usage of one metric in the current period; `data.limit` is `null` when unlimited.
 *
 * @example
 * const { data } = useUsage('api_calls'); // { quantity: 8423, limit: 10000, … }
 */
export function useUsage(metric: string): UseQueryResult<UsageSummary, BillingError> {
  const { client, queryClient } = useBillingContext();
  return useQuery(usageQueryOptions(client, metric), queryClient);
}
