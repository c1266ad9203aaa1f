import { queryOptions } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { BillingClient } from '../client/createBillingClient';
import type { Plan } from '../contract/types';
import { billingKeys } from './billingKeys';
import { retryQuery, staleTimes } from './queryPolicy';

/**
 * Query options of the public plans (`GET /plans`), for `useQuery`, prefetching or
 * `setQueryData`: `queryClient.prefetchQuery(plansQueryOptions(client))`.
 */
export function plansQueryOptions(client: BillingClient) {
  // Typed with BillingError (what the client throws), so hooks need no cast.
  return queryOptions<Plan[], BillingError, Plan[], ReturnType<typeof billingKeys.plans>>({
    queryKey: billingKeys.plans(client.scope),
    queryFn: ({ signal }) => client.getPlans({ signal }),
    staleTime: staleTimes.plans,
    retry: retryQuery,
  });
}
