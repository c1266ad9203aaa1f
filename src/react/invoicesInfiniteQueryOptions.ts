import { infiniteQueryOptions, type InfiniteData } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { InvoicesPage } from '../contract/types';
import type { BillingClient } from '../client/createBillingClient';
import { billingKeys } from './billingKeys';
import { retryQuery, staleTimes } from './queryPolicy';

/** The page size `useInvoices` asks for when none is given. */
const DEFAULT_INVOICE_PAGE_SIZE = 10;

/**
 * Infinite-query options of the caller's invoices (`GET /invoices`), most recent first:
 * each next page starts after the last invoice of the one before, until `has_more` is
 * false.
 */
export function invoicesInfiniteQueryOptions(client: BillingClient, limit: number = DEFAULT_INVOICE_PAGE_SIZE) {
  // Typed with BillingError (what the client throws), so useInvoices needs no cast.
  return infiniteQueryOptions<
    InvoicesPage,
    BillingError,
    InfiniteData<InvoicesPage, string | undefined>,
    ReturnType<typeof billingKeys.invoices>,
    string | undefined
  >({
    queryKey: billingKeys.invoices(limit, client.scope),
    queryFn: ({ pageParam, signal }) =>
      client.listInvoices({ limit, ...(pageParam !== undefined && { starting_after: pageParam }) }, { signal }),
    initialPageParam: undefined,
    getNextPageParam: (last) => (last.has_more ? last.invoices.at(-1)?.id : undefined),
    staleTime: staleTimes.invoices,
    retry: retryQuery,
  });
}
