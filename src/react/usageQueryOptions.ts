import { queryOptions } from '@tanstack/react-query';
import type { BillingClient } from '../client/createBillingClient';
import { billingKeys } from './billingKeys';
import { retryQuery, staleTimes } from './queryPolicy';

/** Query options of one metric's usage this period (`GET /usage?metric=`). */
export function usageQueryOptions(client: BillingClient, metric: string) {
  return queryOptions({
    queryKey: billingKeys.usage(metric, client.scope),
    queryFn: ({ signal }) => client.getUsage(metric, { signal }),
    staleTime: staleTimes.usage,
    retry: retryQuery,
  });
}
