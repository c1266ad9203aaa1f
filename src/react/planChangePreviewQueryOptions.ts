import { queryOptions } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { BillingClient } from '../client/createBillingClient';
import type { PlanChangePreview } from '../contract/types';
import { billingKeys } from './billingKeys';
import { retryQuery } from './queryPolicy';

/**
 * Query options of what changing the subscription to `priceId` (at `quantity` units of a
 * `per_unit` price; absent: the proxy's default) costs (`POST
 * /subscription/preview`, a read despite the verb). Proration runs to the second, so a
 * preview is never fresh for long: it refetches whenever it is shown again.
 */
export function planChangePreviewQueryOptions(client: BillingClient, priceId: string, quantity?: number) {
  return queryOptions<PlanChangePreview, BillingError, PlanChangePreview, ReturnType<typeof billingKeys.planChangePreview>>({
    queryKey: billingKeys.planChangePreview(priceId, client.scope, quantity),
    queryFn: ({ signal }) => client.previewPlanChange({ price_id: priceId, ...(quantity !== undefined && { quantity }) }, { signal }),
    staleTime: 0,
    retry: retryQuery,
  });
}
