'use client';
import { skipToken, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { CheckoutSessionSummary } from '../contract/types';
import { checkoutSessionQueryOptions } from './checkoutSessionQueryOptions';
import { useBillingContext } from './useBillingContext';

/**
 * What a checkout will charge (plan, price, promotion, trial, amount due today), for an
 * in-page checkout form. Idle while `sessionId` is `null` or `undefined`.
 *
 * @example
 * const { data: summary } = useCheckoutSession(session?.session_id);
 */
export function useCheckoutSession(
  sessionId: string | null | undefined,
): UseQueryResult<CheckoutSessionSummary, BillingError> {
  const { client, queryClient } = useBillingContext();
  const options = checkoutSessionQueryOptions(client, sessionId ?? '');
  return useQuery(
    { ...options, queryFn: sessionId ? options.queryFn : skipToken },
    queryClient,
  );
}
