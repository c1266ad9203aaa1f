import { queryOptions } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { BillingClient } from '../client/createBillingClient';
import type { Entitlements } from '../contract/types';
import { billingKeys } from './billingKeys';
import { retryQuery, staleTimes } from './queryPolicy';

/** Query options of the caller's entitlements (`GET /entitlements`). */
export function entitlementsQueryOptions(client: BillingClient) {
  // Typed with BillingError (what the client throws), so hooks need no cast.
  return queryOptions<Entitlements, BillingError, Entitlements, ReturnType<typeof billingKeys.entitlements>>({
    queryKey: billingKeys.entitlements(client.scope),
    queryFn: ({ signal }) => client.getEntitlements({ signal }),
    staleTime: staleTimes.entitlements,
    retry: retryQuery,
  });
}
