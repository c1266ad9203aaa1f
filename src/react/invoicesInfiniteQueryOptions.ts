import { infiniteQueryOptions } from '@tanstack/react-query';
import type { BillingClient } from '../client/createBillingClient';
import { billingKeys } from './billingKeys';
import { retryQuery, staleTimes } from './queryPolicy';

/** The page size `useInvoices` asks for when none is given. */
export const DEFAULT_INVOICE_PAGE_SIZE = 10;

/**
 * Infinite-query options of the caller's invoices (`GET /invoices`), most recent first:
 * each next page starts after the last invoice of the one before, until `has_more` is
 * false.
 */
export function invoicesInfiniteQueryOptions(client: BillingClient, limit: number = DEFAULT_INVOICE_PAGE_SIZE) {
  return infiniteQueryOptions({
    queryKey: billingKeys.invoices(limit, client.scope),
    queryFn: ({ pageParam, signal }) =>
      client.listInvoices({ limit, ...(pageParam !== undefined && { starting_after: pageParam }) }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.has_more ? last.invoices.at(-1)?.id : undefined),
    staleTime: staleTimes.invoices,
    retry: retryQuery,
  });
}
