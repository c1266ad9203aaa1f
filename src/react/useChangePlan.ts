'use client';
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { changePlanMutationOptions, type UseChangePlanVariables } from './changePlanMutationOptions';
import type { BillingError } from '../client/BillingError';
import type { Subscription } from '../contract/types';
import { useBillingContext } from './useBillingContext';

export type { UseChangePlanVariables };

/**
 * Changes the caller's plan: upgrades and monthly→yearly now (the proration is charged
 * first; a decline is a 402 and nothing changes), downgrades at the period end
 * (`pending_change`); changing back to the current price undoes a pending change. The
 * answer replaces the cached subscription; entitlements, usage and invoices refetch
 * before the mutation settles. Never retried automatically.
 *
 * @example
 * const change = useChangePlan();
 * change.mutate({ price_id: 'price_pro_annual' });
 */
export function useChangePlan(): UseMutationResult<Subscription, BillingError, UseChangePlanVariables> {
  const { client, queryClient } = useBillingContext();
  return useMutation(changePlanMutationOptions(client, queryClient), queryClient);
}
