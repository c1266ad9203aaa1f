import type { QueryClient, UseMutationOptions } from '@tanstack/react-query';
import type { BillingClient } from '../client/createBillingClient';
import type { BillingError } from '../client/BillingError';
import type { AuthenticateCheckoutRequest, ConfirmCheckoutResponse } from '../contract/types';
import { idempotencyKey } from './idempotencyKey';
import { settleCheckout } from './settleCheckout';

/** Variables of {@link authenticateCheckoutMutationOptions} (and `useAuthenticateCheckout`). */
export type UseAuthenticateCheckoutVariables = AuthenticateCheckoutRequest & {
  sessionId: string;
  /** Defaults to a fresh key per call. */
  idempotencyKey?: string;
};

/**
 * Mutation options of answering a card's authentication challenge
 * (`POST /checkout/:id/authenticate`), settled like a confirmed payment. Never retried automatically.
 */
export function authenticateCheckoutMutationOptions(
  client: BillingClient,
  queryClient: QueryClient,
): UseMutationOptions<ConfirmCheckoutResponse, BillingError, UseAuthenticateCheckoutVariables> {
  return {
    mutationFn: ({ sessionId, idempotencyKey: key, ...body }) =>
      client.authenticateCheckout(sessionId, body, { idempotencyKey: key ?? idempotencyKey() }),
    retry: false,
    onSuccess: (result, { sessionId }) => settleCheckout(queryClient, client.scope, sessionId, result),
  };
}
