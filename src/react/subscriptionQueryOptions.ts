import { queryOptions } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { BillingClient } from '../client/createBillingClient';
import type { Subscription } from '../contract/types';
import { billingKeys } from './billingKeys';
import { retryQuery, staleTimes } from './queryPolicy';

/** Query options of the caller's subscription (`GET /subscription`; data `null` without one). */
export function subscriptionQueryOptions(client: BillingClient) {
  // Typed with BillingError (what the client throws), so hooks need no cast.
  return queryOptions<Subscription | null, BillingError, Subscription | null, ReturnType<typeof billingKeys.subscription>>({
    queryKey: billingKeys.subscription(client.scope),
    queryFn: ({ signal }) => client.getSubscription({ signal }),
    staleTime: staleTimes.subscription,
    retry: retryQuery,
  });
}
