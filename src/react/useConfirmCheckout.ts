'use client';
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { confirmCheckoutMutationOptions, type UseConfirmCheckoutVariables } from './confirmCheckoutMutationOptions';
import type { BillingError } from '../client/BillingError';
import type { ConfirmCheckoutResponse } from '../contract/types';
import { useBillingContext } from './useBillingContext';

export type { UseConfirmCheckoutVariables };

/**
 * Pays an embedded checkout with the test processor's card form. When the payment
 * succeeds, the subscription, entitlements, usage and invoices refetch (and the mutation
 * stays pending until they have); `requires_action` asks for `useAuthenticateCheckout`.
 *
 * @example
 * const confirm = useConfirmCheckout();
 * confirm.mutate({ sessionId, client_secret, card: { number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' } });
 */
export function useConfirmCheckout(): UseMutationResult<ConfirmCheckoutResponse, BillingError, UseConfirmCheckoutVariables> {
  const { client, queryClient } = useBillingContext();
  return useMutation(confirmCheckoutMutationOptions(client, queryClient), queryClient);
}

