'use client';
import { useId, useState, type ComponentType, type ReactNode } from 'react';
import type { Invoice } from '../../contract/types';
import { formatDate } from '../../contract/formatDate';
import { formatMoney } from '../../contract/formatMoney';
import { useBillingContext } from '../../react/useBillingContext';
import { useDownloadInvoice } from '../../react/useDownloadInvoice';
import { invoiceStatusTone } from '../statusTones';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { ChevronDownIcon, DownloadIcon } from '../ui/icons';
import { cx } from '../ui/cx';
import type { InvoiceLinesProps } from './InvoiceLines';
import { useLabels } from '../../react/useLabels';
import { defaultInvoiceListLabels, defaultInvoiceStatusLabels } from './invoiceListLabels';
import { defaultCommonLabels } from '../ui/commonLabels';

/**
 * The invoice table's layout, by the width of the list's own box (a container query, so it
 * fits a sidebar as well as a phone): the whole table from 48rem; below that the Period
 * column goes (it repeats the date) and cells tighten; below 32rem each invoice is two
 * lines, date and amount over status and actions, with the column headers kept for
 * screen readers only.
 */
export const cell =
  'bk:px-6 bk:py-3.5 bk:text-left bk:align-middle bk:@max-3xl:px-3 bk:@max-3xl:first:pl-6 bk:@max-3xl:last:pr-6 bk:@max-lg:p-0!';
/** A row of the table (header, invoice or placeholder), stacked in a narrow list. */
export const row =
  'bk:@max-lg:grid bk:@max-lg:grid-cols-[minmax(0,1fr)_auto] bk:@max-lg:items-center bk:@max-lg:gap-x-3 bk:@max-lg:gap-y-2 bk:@max-lg:px-6 bk:@max-lg:py-3.5';
/** The Period column's cells. */
export const periodCell = 'bk:@max-3xl:hidden';

/**
 * One invoice of `<InvoiceList/>`, with its own download state (pending, failed) and, when
 * it has lines and the list was given `lines` (the opt-in), a "Details" disclosure that
 * shows them in a row under it.
 */
export function InvoiceRow({
  invoice,
  payButton: PayButton,
  lines: Lines,
}: {
  invoice: Invoice;
  payButton?: ComponentType<{ invoice: Invoice }> | undefined;
  lines?: ComponentType<InvoiceLinesProps> | undefined;
}): ReactNode {
  const { locale } = useBillingContext();
  const text = useLabels('invoiceList', defaultInvoiceListLabels);
  const period = useLabels('period', defaultCommonLabels.period);
  const statusNames = useLabels('invoiceStatus', defaultInvoiceStatusLabels);
  const download = useDownloadInvoice();
  const created = formatDate(invoice.created_at, locale);
  const [open, setOpen] = useState(false);
  const linesId = useId();
  const hasLines = Lines !== undefined && (invoice.lines?.length ?? 0) > 0;
  return (
    <>
      <tr
        data-billkit-part="invoice"
        data-invoice-id={invoice.id}
        data-status={invoice.status}
        className={`${row} bk:border-t bk:border-billkit-border bk:transition-colors bk:hover:bg-billkit-muted/40`}
      >
        <td className={`${cell} bk:text-sm bk:font-medium bk:whitespace-nowrap`}>{created}</td>
        <td className={`${cell} ${periodCell} bk:text-sm bk:text-billkit-muted-foreground bk:whitespace-nowrap`}>
          {period(formatDate(invoice.period_start, locale), formatDate(invoice.period_end, locale))}
        </td>
        <td className={`${cell} bk:text-right! bk:text-sm bk:font-medium bk:tabular-nums bk:whitespace-nowrap`}>
          {formatMoney(invoice.amount_due, invoice.currency, locale)}
        </td>
        <td className={cell}>
          <Badge tone={invoiceStatusTone[invoice.status]}>{statusNames[invoice.status]}</Badge>
        </td>
        <td className={`${cell} bk:text-right!`}>
          <div className="bk:flex bk:flex-wrap bk:items-center bk:justify-end bk:gap-2">
            {PayButton && invoice.status === 'open' && <PayButton invoice={invoice} />}
            {hasLines && (
              <Button
                variant="ghost"
                size="sm"
                aria-expanded={open}
                aria-controls={linesId}
                onClick={() => setOpen((was) => !was)}
                data-billkit-part="details"
              >
                <ChevronDownIcon className={cx('bk:transition-transform', open && 'bk:rotate-180')} />
                {text.details} <span className="bk:sr-only">{text.detailsOf(created)}</span>
              </Button>
            )}
            {download.isPending && (
              <span role="status" className="bk:sr-only">
                {text.downloading}
              </span>
            )}
            {download.isError && (
              <span role="alert" title={download.error.message} className="bk:text-xs bk:font-medium bk:text-billkit-danger">
                {text.downloadFailed}
              </span>
            )}
            <Button
              variant="ghost"
              size="sm"
              pending={download.isPending}
              onClick={() => download.mutate(invoice)}
              data-billkit-part="download"
            >
              {!download.isPending && <DownloadIcon />}
              {text.download}{' '}
              <span className="bk:sr-only">{text.invoiceOf(created)}</span>
            </Button>
          </div>
        </td>
      </tr>
      {hasLines && (
        // Under its invoice, across the columns; in a narrow list a block like the stacked rows.
        <tr id={linesId} hidden={!open} data-billkit-part="invoice-lines" data-lines-of={invoice.id} className={open ? 'bk:@max-lg:block' : 'bk:hidden'}>
          <td colSpan={5} className="bk:px-6 bk:pb-4 bk:@max-lg:block">
            {open && Lines && <Lines invoice={invoice} label={text.linesOf(created)} />}
          </td>
        </tr>
      )}
    </>
  );
}
