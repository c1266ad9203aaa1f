'use client';
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { activateCheckoutMutationOptions } from './activateCheckoutMutationOptions';
import type { BillingError } from '../client/BillingError';
import type { ActivateResponse } from '../contract/types';
import { useBillingContext } from './useBillingContext';

/**
 * Activates the paid plan after a completed checkout, with the signed `session_id` the
 * checkout returned to the success URL. Safe to repeat (the proxy does nothing twice).
 * On success the subscription, entitlements, usage and invoices refetch; the mutation
 * stays pending until they have. Never retried automatically.
 *
 * @example
 * const activate = useActivateCheckout();
 * useEffect(() => {
 *   const id = new URLSearchParams(location.search).get('session_id');
 *   if (id) activate.mutate(id);
 * }, []);
 */
export function useActivateCheckout(): UseMutationResult<ActivateResponse, BillingError, string> {
  const { client, queryClient } = useBillingContext();
  return useMutation(activateCheckoutMutationOptions(client, queryClient), queryClient);
}
