'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { Entitlements } from '../contract/types';
import { entitlementsQueryOptions } from './entitlementsQueryOptions';
import { useBillingContext } from './useBillingContext';

/**
 * The caller's plan key, status and features (`features
 *
 * @example
 *  []` without a subscription).:const { data } = useEntitlements(); data?.features.includes('api_access')
 */
export function useEntitlements(): UseQueryResult<Entitlements, BillingError> {
  const { client, queryClient } = useBillingContext();
  return useQuery(entitlementsQueryOptions(client), queryClient);
}
