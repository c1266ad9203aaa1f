import { queryOptions } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { BillingClient } from '../client/createBillingClient';
import type { CheckoutSessionSummary } from '../contract/types';
import { billingKeys } from './billingKeys';
import { retryQuery, staleTimes } from './queryPolicy';

/** Query options of a checkout's summary (`GET /checkout/:id`): what it will charge. */
export function checkoutSessionQueryOptions(client: BillingClient, sessionId: string) {
  // Typed with BillingError (what the client throws), so hooks need no cast.
  return queryOptions<CheckoutSessionSummary, BillingError, CheckoutSessionSummary, ReturnType<typeof billingKeys.checkoutSession>>({
    queryKey: billingKeys.checkoutSession(sessionId, client.scope),
    queryFn: ({ signal }) => client.getCheckoutSession(sessionId, { signal }),
    staleTime: staleTimes.checkoutSession,
    retry: retryQuery,
  });
}
