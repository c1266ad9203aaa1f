'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import { entitlementsQueryOptions } from './entitlementsQueryOptions';
import { useBillingContext } from './useBillingContext';

/** What {@link useEntitlement} returns: the entitlements query narrowed to one feature. */
export type UseEntitlementResult = UseQueryResult<boolean, BillingError> & {
  /** Whether the caller's plan includes the feature; `false` while loading or on error. */
  entitled: boolean;
};

/**
 * Whether the caller's plan includes one feature. Shares the entitlements query (one
 * request for any number of features) and re-renders only when this answer changes.
 *
 * @example
 * const { entitled, isPending } = useEntitlement('advanced_analytics');
 */
export function useEntitlement(feature: string): UseEntitlementResult {
  const { client, queryClient } = useBillingContext();
  const query = useQuery(
    { ...entitlementsQueryOptions(client), select: (entitlements) => entitlements.features.includes(feature) },
    queryClient,
  );
  return Object.assign(query, { entitled: query.data === true });
}
