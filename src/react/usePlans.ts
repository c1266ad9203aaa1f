'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { Plan } from '../contract/types';
import { plansQueryOptions } from './plansQueryOptions';
import { useBillingContext } from './useBillingContext';

/**
 * The public plans and their prices.
 *
 * @example
 * const { data: plans, isPending, error, refetch } = usePlans();
 */
export function usePlans(): UseQueryResult<Plan[], BillingError> {
  const { client, queryClient } = useBillingContext();
  return useQuery(plansQueryOptions(client), queryClient);
}
