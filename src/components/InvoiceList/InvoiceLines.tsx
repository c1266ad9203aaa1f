'use client';
import type { ReactNode } from 'react';
import type { Invoice, InvoiceLine, InvoiceLineTier } from '../../contract/types';
import { formatDate } from '../../contract/formatDate';
import { formatMoney } from '../../contract/formatMoney';
import { useBillingContext } from '../../react/useBillingContext';
import { useLabels } from '../../react/useLabels';
import { defaultCommonLabels } from '../ui/commonLabels';
import { defaultInvoiceListLabels } from './invoiceListLabels';

const numbers = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string): Intl.NumberFormat {
  let format = numbers.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numbers.set(locale, format);
  }
  return format;
}

/** The tiers a usage line shows: those that priced units, or the first when none did (a period without usage). */
const shownTiers = (tiers: InvoiceLineTier[]) => {
  const used = tiers.filter((tier) => tier.quantity > 0);
  return used.length > 0 ? used : tiers.slice(0, 1);
};

/** Props of {@link InvoiceLines}, as `<InvoiceList lines={InvoiceLines}/>` renders it. */
export interface InvoiceLinesProps {
  invoice: Invoice;
  /** The accessible name of the list of lines ("Lines of the invoice of Apr 1, 2025"). */
  label: string;
}

/**
 * What an invoice charges for, line by line (`invoice.lines`), under its row of
 * `<InvoiceList/>`: each line's description, period, "5 × $12.00" when the quantity says
 * something, a usage line's tiers ("13,500 × $2.00 per 1,000 = $27.00"), its amount
 * (discounts negative), then the total, `amount_due`.
 */
export function InvoiceLines({ invoice, label }: InvoiceLinesProps): ReactNode {
  const { locale } = useBillingContext();
  const text = useLabels('invoiceList', defaultInvoiceListLabels);
  const period = useLabels('period', defaultCommonLabels.period);
  const number = numberFormat(locale);
  // Tier amounts are exact (possibly fractional); rounded here for display only.
  const money = (minor: number) => formatMoney(Math.round(minor), invoice.currency, locale);

  const detail = (line: InvoiceLine): string | null =>
    line.unit_amount !== null && line.quantity !== 1 ? text.quantityTimes(number.format(line.quantity), money(line.unit_amount)) : null;

  return (
    <div className="bk:rounded-billkit-md bk:bg-billkit-muted/40 bk:px-4 bk:py-3">
      <ul aria-label={label} data-billkit-part="lines" className="bk:flex bk:flex-col bk:gap-2.5">
        {(invoice.lines ?? []).map((line, index) => {
          const times = detail(line);
          return (
            <li
              key={index}
              data-billkit-part="line"
              data-kind={line.kind}
              data-amount={line.amount}
              className="bk:flex bk:items-start bk:justify-between bk:gap-3 bk:text-sm"
            >
              <div className="bk:min-w-0 bk:break-words">
                <p>{line.description}</p>
                {(times !== null || (line.period_start !== null && line.period_end !== null)) && (
                  <p className="bk:text-xs bk:tabular-nums bk:text-billkit-muted-foreground">
                    {[times, line.period_start !== null && line.period_end !== null ? period(formatDate(line.period_start, locale), formatDate(line.period_end, locale)) : null]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                )}
                {line.tiers && line.tiers.length > 0 && (
                  <ul data-billkit-part="tiers" className="bk:mt-1 bk:flex bk:flex-col bk:gap-0.5">
                    {shownTiers(line.tiers).map((tier, t) => (
                      <li key={t} data-billkit-part="tier" className="bk:text-xs bk:tabular-nums bk:text-billkit-muted-foreground">
                        {text.tier(number.format(tier.quantity), money(tier.unit_amount), tier.per === 1 ? null : number.format(tier.per), money(tier.amount))}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <p data-billkit-part="line-amount" className="bk:shrink-0 bk:font-medium bk:tabular-nums bk:whitespace-nowrap">
                {money(line.amount)}
              </p>
            </li>
          );
        })}
      </ul>
      <p
        data-billkit-part="lines-total"
        className="bk:mt-2.5 bk:flex bk:justify-between bk:gap-3 bk:border-t bk:border-billkit-border bk:pt-2.5 bk:text-sm bk:font-semibold"
      >
        <span>{text.total}</span>
        <span className="bk:tabular-nums bk:whitespace-nowrap">{money(invoice.amount_due)}</span>
      </p>
    </div>
  );
}
