import { queryOptions } from '@tanstack/react-query';
import type { BillingClient } from '../client/createBillingClient';
import { billingKeys } from './billingKeys';
import { retryQuery, staleTimes } from './queryPolicy';

/**
 * Query options of the public plans (`GET /plans`), for `useQuery`, prefetching or
 * `setQueryData`: `queryClient.prefetchQuery(plansQueryOptions(client))`.
 */
export function plansQueryOptions(client: BillingClient) {
  return queryOptions({
    queryKey: billingKeys.plans(client.scope),
    queryFn: ({ signal }) => client.getPlans({ signal }),
    staleTime: staleTimes.plans,
    retry: retryQuery,
  });
}
