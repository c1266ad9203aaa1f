import { queryOptions } from '@tanstack/react-query';
import type { BillingClient } from '../client/createBillingClient';
import { billingKeys } from './billingKeys';
import { retryQuery, staleTimes } from './queryPolicy';

/** Query options of a checkout's summary (`GET /checkout/:id`): what it will charge. */
export function checkoutSessionQueryOptions(client: BillingClient, sessionId: string) {
  return queryOptions({
    queryKey: billingKeys.checkoutSession(sessionId, client.scope),
    queryFn: ({ signal }) => client.getCheckoutSession(sessionId, { signal }),
    staleTime: staleTimes.checkoutSession,
    retry: retryQuery,
  });
}
