import { queryOptions } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { BillingClient } from '../client/createBillingClient';
import type { UsageSummary } from '../contract/types';
import { billingKeys } from './billingKeys';
import { retryQuery, staleTimes } from './queryPolicy';

/** Query options of one metric's usage this period (`GET /usage?metric=`). */
export function usageQueryOptions(client: BillingClient, metric: string) {
  // Typed with BillingError (what the client throws), so hooks need no cast.
  return queryOptions<UsageSummary, BillingError, UsageSummary, ReturnType<typeof billingKeys.usage>>({
    queryKey: billingKeys.usage(metric, client.scope),
    queryFn: ({ signal }) => client.getUsage(metric, { signal }),
    staleTime: staleTimes.usage,
    retry: retryQuery,
  });
}
