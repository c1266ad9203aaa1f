'use client';
import { useMemo } from 'react';
import { useInfiniteQuery, type InfiniteData, type UseInfiniteQueryResult } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { Invoice, InvoicesPage } from '../contract/types';
import { invoicesInfiniteQueryOptions } from './invoicesInfiniteQueryOptions';
import { useBillingContext } from './useBillingContext';

/** What {@link useInvoices} returns: the infinite query plus the pages flattened. */
export type UseInvoicesResult = UseInfiniteQueryResult<InfiniteData<InvoicesPage, string | undefined>, BillingError> & {
  /** Every invoice loaded so far, most recent first. */
  invoices: Invoice[];
};

/**
 * The caller's invoices, most recent first, a page at a time (cursor pagination).
 *
 * @example
 * const { invoices, hasNextPage, fetchNextPage, isFetchingNextPage } = useInvoices({ limit: 10 });
 */
export function useInvoices(options: { limit?: number } = {}): UseInvoicesResult {
  const { client, queryClient } = useBillingContext();
  const query = useInfiniteQuery(invoicesInfiniteQueryOptions(client, options.limit), queryClient);
  const pages = query.data?.pages;
  const invoices = useMemo(() => (pages ? pages.flatMap((page) => page.invoices) : []), [pages]);
  // Assigned, not spread: spreading would read (and so subscribe to) every field of the result.
  return Object.assign(query, { invoices });
}
