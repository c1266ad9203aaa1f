'use client';
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { authenticateCheckoutMutationOptions, type UseAuthenticateCheckoutVariables } from './authenticateCheckoutMutationOptions';
import type { BillingError } from '../client/BillingError';
import type { ConfirmCheckoutResponse } from '../contract/types';
import { useBillingContext } from './useBillingContext';

export type { UseAuthenticateCheckoutVariables };

/**
 * Answers the card's authentication challenge after `useConfirmCheckout` returned
 * `requires_action`. On success, like a confirmed payment, the subscription,
 * entitlements, usage and invoices refetch. Never retried automatically.
 *
 * @example
 * const authenticate = useAuthenticateCheckout();
 * authenticate.mutate({ sessionId, client_secret, approve: true });
 */
export function useAuthenticateCheckout(): UseMutationResult<
  ConfirmCheckoutResponse,
  BillingError,
  UseAuthenticateCheckoutVariables
> {
  const { client, queryClient } = useBillingContext();
  return useMutation(authenticateCheckoutMutationOptions(client, queryClient), queryClient);
}
