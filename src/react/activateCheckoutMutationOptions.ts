import type { QueryClient, UseMutationOptions } from '@tanstack/react-query';
import type { BillingClient } from '../client/createBillingClient';
import type { BillingError } from '../client/BillingError';
import type { ActivateResponse } from '../contract/types';
import { invalidateAfterPayment } from './invalidateAfterPayment';

/**
 * Mutation options of activating a paid checkout by its signed `session_id`
 * (`POST /api/v1/billing/activate`): the subscription, entitlements, usage and invoices
 * refetch before it settles. Never retried automatically.
 */
export function activateCheckoutMutationOptions(
  client: BillingClient,
  queryClient: QueryClient,
): UseMutationOptions<ActivateResponse, BillingError, string> {
  return {
    mutationFn: (sessionId) => client.activateCheckout(sessionId),
    retry: false,
    onSuccess: () => invalidateAfterPayment(queryClient, client.scope),
  };
}
