import type { QueryClient, UseMutationOptions } from '@tanstack/react-query';
import type { BillingClient } from '../client/createBillingClient';
import type { BillingError } from '../client/BillingError';
import type { ConfirmCheckoutRequest, ConfirmCheckoutResponse } from '../contract/types';
import { idempotencyKey } from './idempotencyKey';
import { settleCheckout } from './settleCheckout';

/** Variables of {@link confirmCheckoutMutationOptions} (and `useConfirmCheckout`). */
export type UseConfirmCheckoutVariables = ConfirmCheckoutRequest & {
  sessionId: string;
  /** Defaults to a fresh key per call: one `mutate` is one payment attempt. */
  idempotencyKey?: string;
};

/**
 * Mutation options of paying an embedded checkout with the test processor's card form
 * (`POST /checkout/:id/confirm`): a success refetches the subscription, entitlements,
 * usage and invoices before it settles. Never retried automatically.
 */
export function confirmCheckoutMutationOptions(
  client: BillingClient,
  queryClient: QueryClient,
): UseMutationOptions<ConfirmCheckoutResponse, BillingError, UseConfirmCheckoutVariables> {
  return {
    mutationFn: ({ sessionId, idempotencyKey: key, ...body }) =>
      client.confirmCheckout(sessionId, body, { idempotencyKey: key ?? idempotencyKey() }),
    retry: false,
    onSuccess: (result, { sessionId }) => settleCheckout(queryClient, client.scope, sessionId, result),
  };
}
