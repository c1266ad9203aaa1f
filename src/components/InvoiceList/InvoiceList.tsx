'use client';
import { useId, type ComponentType, type ReactNode } from 'react';
import type { Invoice } from '../../contract/types';
import { useInvoices } from '../../react/useInvoices';
import { Button } from '../ui/Button';
import { Card, CardDescription, CardHeader, CardTitle } from '../ui/Card';
import { cx } from '../ui/cx';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { DocumentIcon } from '../ui/icons';
import { Notice } from '../ui/Notice';
import { Skeleton } from '../ui/Skeleton';
import type { InvoiceLinesProps } from './InvoiceLines';
import { cell, InvoiceRow, periodCell, row } from './InvoiceRow';
import { useLabels } from '../../react/useLabels';
import { defaultInvoiceListLabels } from './invoiceListLabels';
import { defaultCommonLabels } from '../ui/commonLabels';

/** The table box; in a narrow list its rows stack (see `cell` and `row`). */
const table = 'bk:w-full bk:@max-lg:block';

/** Props of {@link InvoiceList}. */
export interface InvoiceListProps {
  /** Invoices per page ("Load more" fetches the next page); default 10, at most 100. */
  pageSize?: number;
  /**
   * Opt-in (Billkit addition): `PayInvoiceButton` from `billkit` shows "Pay" on open
   * invoices (pays with the card on file). Passed in, so apps without it pay nothing.
   */
  payButton?: ComponentType<{ invoice: Invoice }>;
  /**
   * Opt-in (Billkit addition): `InvoiceLines` from `billkit` gives each invoice a "Details"
   * disclosure that shows its lines under its row (seats, usage with its tiers, prorations,
   * discounts, and the total). Passed in, so apps that do not show lines pay nothing.
   */
  lines?: ComponentType<InvoiceLinesProps>;
  className?: string;
}

/**
 * The caller's invoices, most recent first: date, period, amount, status and a PDF
 * download per row, a page at a time with "Load more".
 *
 * @example
 * <InvoiceList pageSize={5} />
 */
export function InvoiceList({ pageSize, payButton, lines, className }: InvoiceListProps): ReactNode {
  const text = useLabels('invoiceList', defaultInvoiceListLabels);
  const retry = useLabels('retry', defaultCommonLabels.retry);
  const loading = useLabels('loading', defaultCommonLabels.loading);
  const query = useInvoices(pageSize === undefined ? {} : { limit: pageSize });
  const titleId = useId();

  // A failed "Load more" (or background refetch) keeps the invoices already shown: only a
  // query with no data at all renders as an error.
  const state = query.isPending
    ? 'loading'
    : query.data === undefined
      ? 'error'
      : query.invoices.length === 0
        ? 'empty'
        : 'ready';

  const head = (
    <thead className="bk:@max-lg:sr-only">
      <tr className="bk:bg-billkit-muted/50">
        {[text.date, text.period, text.amount, text.status].map((name, index) => (
          <th
            key={name}
            scope="col"
            className={cx(
              cell,
              'bk:py-2.5! bk:text-xs bk:font-medium bk:text-billkit-muted-foreground',
              index === 1 && periodCell,
              index === 2 && 'bk:text-right!',
            )}
          >
            {name}
          </th>
        ))}
        <th scope="col" className={cx(cell, 'bk:py-2.5!')}>
          <span className="bk:sr-only">{text.actions}</span>
        </th>
      </tr>
    </thead>
  );

  let body: ReactNode;
  if (state === 'loading') {
    body = (
      // The placeholder rows are hidden from assistive technology; a status says "Loading…".
      <div className="bk:relative">
        <span role="status" className="bk:sr-only">
          {loading}
        </span>
        <div aria-hidden="true">
          <table className={table}>
            {head}
            <tbody className="bk:@max-lg:block">
              {/* The rows' own geometry (a button-high action cell), so nothing moves when the invoices arrive. */}
              {[0, 1, 2, 3, 4].map((key) => (
                <tr key={key} className={cx(row, 'bk:border-t bk:border-billkit-border')}>
                  {['bk:h-4 bk:w-24', 'bk:h-4 bk:w-44', 'bk:h-4 bk:ml-auto bk:w-16', 'bk:h-5 bk:w-14', 'bk:h-8 bk:ml-auto bk:w-16'].map((size, index) => (
                    <td key={index} className={cx(cell, index === 1 && periodCell)}>
                      <Skeleton className={size} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    );
  } else if (state === 'error') {
    body = (
      <ErrorState
        className="bk:border-t bk:border-billkit-border"
        title={text.error}
        message={query.error?.message}
        retryLabel={retry}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  } else if (state === 'empty') {
    body = (
      <EmptyState
        className="bk:border-t bk:border-billkit-border"
        icon={<DocumentIcon width={20} height={20} />}
        title={text.empty}
        description={text.emptyDescription}
      />
    );
  } else {
    body = (
      <>
        {/* Positioned, so the screen-reader-only texts inside stay within its scroll box. */}
        <div className="bk:relative bk:overflow-x-auto">
          <table aria-labelledby={titleId} className={table} data-billkit-part="table">
            {head}
            <tbody className="bk:@max-lg:block">
              {query.invoices.map((invoice) => (
                <InvoiceRow key={invoice.id} invoice={invoice} payButton={payButton} lines={lines} />
              ))}
            </tbody>
          </table>
        </div>
        {(query.hasNextPage || query.isFetchNextPageError) && (
          <div className="bk:flex bk:flex-col bk:items-center bk:gap-3 bk:border-t bk:border-billkit-border bk:px-6 bk:py-4">
            {query.isFetchNextPageError && (
              <Notice tone="danger" role="alert" className="bk:w-full">
                {query.error?.message}
              </Notice>
            )}
            <Button
              variant="outline"
              size="sm"
              pending={query.isFetchingNextPage}
              onClick={() => void query.fetchNextPage()}
              data-billkit-part="load-more"
            >
              {query.isFetchingNextPage ? text.loadingMore : text.loadMore}
            </Button>
          </div>
        )}
      </>
    );
  }

  return (
    <Card
      data-billkit-component="invoice-list"
      data-state={state}
      aria-busy={state === 'loading' || undefined}
      className={cx('bk:@container bk:w-full bk:overflow-hidden', className)}
    >
      <CardHeader className="bk:pb-5">
        <CardTitle id={titleId}>{text.title}</CardTitle>
        <CardDescription>{text.description}</CardDescription>
      </CardHeader>
      {body}
    </Card>
  );
}
