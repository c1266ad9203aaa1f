import { queryOptions } from '@tanstack/react-query';
import type { BillingClient } from '../client/createBillingClient';
import { billingKeys } from './billingKeys';
import { retryQuery, staleTimes } from './queryPolicy';

/** Query options of the caller's entitlements (`GET /entitlements`). */
export function entitlementsQueryOptions(client: BillingClient) {
  return queryOptions({
    queryKey: billingKeys.entitlements(client.scope),
    queryFn: ({ signal }) => client.getEntitlements({ signal }),
    staleTime: staleTimes.entitlements,
    retry: retryQuery,
  });
}
