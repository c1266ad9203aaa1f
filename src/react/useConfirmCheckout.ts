'use client';
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { ConfirmCheckoutRequest, ConfirmCheckoutResponse } from '../client/types';
import { idempotencyKey } from './idempotencyKey';
import { settleCheckout } from './settleCheckout';
import { useBillingContext } from './useBillingContext';

/** Variables of {@link useConfirmCheckout}. */
export type UseConfirmCheckoutVariables = ConfirmCheckoutRequest & {
  sessionId: string;
  /** Defaults to a fresh key per call: one `mutate` is one payment attempt. */
  idempotencyKey?: string;
};

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
  const { client, queryClient, scope } = useBillingContext();
  return useMutation(
    {
      mutationFn: ({ sessionId, idempotencyKey: key, ...body }) =>
        client.confirmCheckout(sessionId, body, { idempotencyKey: key ?? idempotencyKey() }),
      retry: false,
      onSuccess: (result, { sessionId }) => settleCheckout(queryClient, scope, sessionId, result),
    },
    queryClient,
  );
}

