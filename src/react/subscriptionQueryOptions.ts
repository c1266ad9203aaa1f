import { queryOptions } from '@tanstack/react-query';
import type { BillingClient } from '../client/createBillingClient';
import { billingKeys } from './billingKeys';
import { retryQuery, staleTimes } from './queryPolicy';

/** Query options of the caller's subscription (`GET /subscription`; data `null` without one). */
export function subscriptionQueryOptions(client: BillingClient) {
  return queryOptions({
    queryKey: billingKeys.subscription(client.scope),
    queryFn: ({ signal }) => client.getSubscription({ signal }),
    staleTime: staleTimes.subscription,
    retry: retryQuery,
  });
}
