'use client';
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { AuthenticateCheckoutRequest, ConfirmCheckoutResponse } from '../client/types';
import { idempotencyKey } from './idempotencyKey';
import { settleCheckout } from './settleCheckout';
import { useBillingContext } from './useBillingContext';

/** Variables of {@link useAuthenticateCheckout}. */
export type UseAuthenticateCheckoutVariables = AuthenticateCheckoutRequest & {
  sessionId: string;
  /** Defaults to a fresh key per call. */
  idempotencyKey?: string;
};

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
  const { client, queryClient, scope } = useBillingContext();
  return useMutation(
    {
      mutationFn: ({ sessionId, idempotencyKey: key, ...body }) =>
        client.authenticateCheckout(sessionId, body, { idempotencyKey: key ?? idempotencyKey() }),
      retry: false,
      onSuccess: (result, { sessionId }) => settleCheckout(queryClient, scope, sessionId, result),
    },
    queryClient,
  );
}
