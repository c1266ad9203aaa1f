import type { QueryClient } from '@tanstack/react-query';
import type { ConfirmCheckoutResponse } from '../contract/types';
import { billingKeys } from './billingKeys';
import { invalidateAfterPayment } from './invalidateAfterPayment';

/** After a confirm or authenticate answer: refresh what a completed payment changed. */
export async function settleCheckout(
  queryClient: QueryClient,
  scope: string,
  sessionId: string,
  result: ConfirmCheckoutResponse,
): Promise<void> {
  if (result.status !== 'succeeded') return;
  await Promise.all([
    invalidateAfterPayment(queryClient, scope),
    queryClient.invalidateQueries({ queryKey: billingKeys.checkoutSession(sessionId, scope) }),
  ]);
}
