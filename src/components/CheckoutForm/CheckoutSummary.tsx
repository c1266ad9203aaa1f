'use client';
import type { ReactNode } from 'react';
import { formatInterval } from '../../contract/formatInterval';
import { formatMoney } from '../../contract/formatMoney';
import type { CheckoutSessionSummary } from '../../contract/types';
import { useBillingContext } from '../../react/useBillingContext';
import { Badge } from '../ui/Badge';
import { useLabels } from '../../react/useLabels';
import { defaultCheckoutLabels } from './checkoutLabels';

/**
 * What the checkout charges: the plan, its price and interval, a per-unit price's count
 * and unit price ("Team × 5 seats, $12.00 each"), the promotion (percent or amount off),
 * the trial, and the total due today.
 */
export function CheckoutSummary({ summary }: { summary: CheckoutSessionSummary }): ReactNode {
  const { locale, labels } = useBillingContext();
  const text = useLabels('checkout', defaultCheckoutLabels);
  const money = (amount: number) => formatMoney(amount, summary.currency, locale);
  const interval = formatInterval(summary.price.interval, locale, labels.intervals);
  const promotion = summary.promotion;
  const off = promotion
    ? promotion.percent_off !== null
      ? text.percentOff(promotion.percent_off)
      : text.amountOff(money(promotion.amount_off ?? 0))
    : null;
  const recurring = summary.price.interval !== null;
  // What the next charge will be: after a trial the (discounted) price; a `once` code
  // discounts only the first charge, `forever` / `repeating` ones the next ones too.
  const discounted = summary.amount_subtotal - summary.amount_discount;
  const then = summary.trial_days || promotion?.duration !== 'once' ? discounted : summary.amount_subtotal;
  // A per-unit price: its unit and count (older proxies send neither: a flat price).
  const unit = summary.unit_label ?? null;
  const quantity = summary.quantity ?? 1;

  return (
    <section
      aria-label={text.summary}
      data-billkit-part="summary"
      data-interval={summary.price.interval ?? 'one_time'}
      className="bk:flex bk:flex-col bk:gap-4"
    >
      <div className="bk:flex bk:items-start bk:justify-between bk:gap-4">
        <div className="bk:flex bk:min-w-0 bk:flex-col bk:gap-1">
          <h3 data-billkit-part="plan-name" className="bk:m-0 bk:text-lg bk:font-semibold bk:tracking-[-0.01em] bk:text-billkit-card-foreground">
            {summary.plan.name}
          </h3>
          <p data-billkit-part="price" className="bk:m-0 bk:text-sm bk:text-billkit-muted-foreground">
            {unit && recurring
              ? text.perUnitInterval(money(summary.price.amount), unit, interval)
              : recurring
                ? text.perInterval(money(summary.price.amount), interval)
                : money(summary.price.amount)}
          </p>
        </div>
        {summary.trial_days ? (
          <Badge tone="primary" data-billkit-part="trial">
            {text.trial(summary.trial_days)}
          </Badge>
        ) : null}
      </div>
      <dl className="bk:m-0 bk:flex bk:flex-col bk:gap-2 bk:border-t bk:border-billkit-border bk:pt-4 bk:text-sm">
        {unit && (
          <div data-billkit-part="quantity" data-quantity={quantity} className="bk:flex bk:justify-between bk:gap-4">
            <dt className="bk:text-billkit-muted-foreground">
              {text.quantityLine(summary.plan.name, text.units(quantity, unit), money(summary.price.amount))}
            </dt>
            <dd className="bk:m-0 bk:tabular-nums bk:text-billkit-foreground">{money(summary.price.amount * quantity)}</dd>
          </div>
        )}
        <div className="bk:flex bk:justify-between bk:gap-4">
          <dt className="bk:text-billkit-muted-foreground">{text.subtotal}</dt>
          <dd className="bk:m-0 bk:tabular-nums bk:text-billkit-foreground">{money(summary.amount_subtotal)}</dd>
        </div>
        {promotion && off && (
          <div data-billkit-part="discount" className="bk:flex bk:justify-between bk:gap-4">
            <dt className="bk:text-billkit-muted-foreground">{text.discount(promotion.code, off)}</dt>
            <dd className="bk:m-0 bk:tabular-nums bk:text-billkit-success">−{money(summary.amount_discount)}</dd>
          </div>
        )}
        <div
          data-billkit-part="total"
          className="bk:flex bk:justify-between bk:gap-4 bk:border-t bk:border-billkit-border bk:pt-3 bk:text-base bk:font-semibold"
        >
          <dt className="bk:text-billkit-foreground">{text.totalDueToday}</dt>
          <dd className="bk:m-0 bk:tabular-nums bk:text-billkit-foreground">{money(summary.amount_due_today)}</dd>
        </div>
      </dl>
      {recurring && then !== summary.amount_due_today ? (
        <p data-billkit-part="then" className="bk:-mt-2 bk:mb-0 bk:text-xs bk:text-billkit-muted-foreground">
          {text.thenPerInterval(money(then), interval)}
        </p>
      ) : null}
    </section>
  );
}
