'use client';
import { useId, type ReactNode } from 'react';
import { formatDate } from '../../contract/formatDate';
import { formatMoney } from '../../contract/formatMoney';
import { useBillingContext } from '../../react/useBillingContext';
import { usePriceUsage } from '../../react/usePriceUsage';
import { useUsage } from '../../react/useUsage';
import { humanizeKey } from '../humanizeKey';
import { Badge } from '../ui/Badge';
import { Card } from '../ui/Card';
import { cx } from '../ui/cx';
import { UsageBar, type UsageBarParts, type UsageTone } from './UsageBar';
import { unitFor, unitOfMetric, type UsageUnit } from './usageUnit';
import { ErrorState } from '../ui/ErrorState';
import { Skeleton } from '../ui/Skeleton';
import { useLabels } from '../../react/useLabels';
import { defaultUsageMeterLabels } from './usageMeterLabels';
import { defaultCommonLabels } from '../ui/commonLabels';

/** Props of {@link UsageMeter}. */
export interface UsageMeterProps {
  /** The metric to show, as the proxy names it (`api_calls`, `storage_gb`). */
  metric: string;
  /** The heading; defaults to a readable form of the metric (`api_calls` → "API calls"). */
  label?: string;
  /** The share of the limit from which the meter warns (`data-near-limit`); default `0.8`. */
  warningThreshold?: number;
  /**
   * What a unit of the metric is called, by plural category, for the projection ("47,000
   * calls"): `{ one: 'call', other: 'calls' }`; `null` writes bare counts. Default: the
   * metric's last word (`api_calls` → call / calls, `storage_gb` → GB), else bare counts.
   */
  unit?: UsageUnit | null;
  className?: string;
}

const formats = new Map<string, { number: Intl.NumberFormat; percent: Intl.NumberFormat }>();
function numberFormats(locale: string) {
  let format = formats.get(locale);
  if (!format) {
    format = {
      number: new Intl.NumberFormat(locale),
      percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
    };
    formats.set(locale, format);
  }
  return format;
}

/**
 * Usage of one metric in the current period against the plan's limit: "8,423 of
 * 10,000", a meter bar (warning near the limit, danger over it), "Unlimited" when the
 * plan has no cap, and when the count resets. When the price bills the metric it adds the
 * included and billable units, the cost so far and the projection to the period end; the
 * bar marks the included units, and going past the limit is danger only where the price
 * refuses usage there (`at_limit: 'refuse'`), not where it bills it.
 *
 * @example
 * <UsageMeter metric="api_calls" label="API requests" warningThreshold={0.9} />
 */
export function UsageMeter({ metric, label, warningThreshold = 0.8, unit, className }: UsageMeterProps): ReactNode {
  const { locale } = useBillingContext();
  const text = useLabels('usageMeter', defaultUsageMeterLabels);
  const retry = useLabels('retry', defaultCommonLabels.retry);
  const loading = useLabels('loading', defaultCommonLabels.loading);
  const usage = useUsage(metric);
  // Whether the price refuses usage at the limit matters only once usage reached it (and a price bills the metric).
  const cap = usage.data?.limit ?? null;
  const rule = usePriceUsage(metric, usage.data?.included != null && cap !== null && usage.data.quantity >= cap);
  const labelId = useId();
  const heading = label ?? humanizeKey(metric);

  const root = (state: 'loading' | 'error' | 'ready', body: ReactNode, facts: Record<string, string | undefined> = {}) => (
    <Card
      data-billkit-component="usage-meter"
      data-state={state}
      data-metric={metric}
      aria-busy={state === 'loading' || undefined}
      className={cx('bk:w-full', className)}
      {...facts}
    >
      {body}
    </Card>
  );

  if (usage.isPending || rule.isPending) {
    return root(
      'loading',
      <div className="bk:flex bk:flex-col bk:gap-4 bk:p-5">
        <div className="bk:flex bk:justify-between">
          <p className="bk:text-sm bk:font-medium bk:text-billkit-muted-foreground">{heading}</p>
          <span role="status" className="bk:sr-only">
            {loading}
          </span>
        </div>
        <Skeleton className="bk:h-7 bk:w-40" />
        <Skeleton className="bk:h-2 bk:w-full bk:rounded-full" />
        <Skeleton className="bk:h-4 bk:w-32" />
      </div>,
    );
  }

  if (usage.isError) {
    return root(
      'error',
      <ErrorState
        className="bk:py-6!"
        title={text.error}
        message={usage.error.message}
        retryLabel={retry}
        onRetry={() => void usage.refetch()}
        retrying={usage.isFetching}
      />,
    );
  }

  const { quantity, limit, period_end } = usage.data;
  const { number, percent } = numberFormats(locale);
  const included = usage.data.included ?? null;
  const metered = included !== null;
  const billable = usage.data.billable_quantity ?? Math.max(0, quantity - (included ?? 0));
  const currency = usage.data.currency ?? null;
  const projected = usage.data.projection;
  const refuses = rule.data?.at_limit === 'refuse';
  const ratio = limit === null ? 0 : limit > 0 ? quantity / limit : quantity > 0 ? Infinity : 0;
  const over = limit !== null && quantity > limit;
  // Danger means usage stops: at a price's refusing limit, or past a limit no price bills.
  const reached = metered && refuses && limit !== null && quantity >= limit;
  const danger = reached || (!metered && over);
  // Past the limit of a price that bills it, usage is billed as usual: no warning, no danger.
  const billedPast = metered && !refuses && over;
  const near = limit !== null && !danger && !billedPast && ratio >= warningThreshold;
  const billing = metered && billable > 0 && !danger && !near;
  const tone: UsageTone = danger ? 'danger' : near ? 'warning' : 'primary';
  const amount = limit === null ? text.used(number.format(quantity)) : text.usageOf(number.format(quantity), number.format(limit));
  const money = (minor: number) => (currency === null ? null : formatMoney(minor, currency, locale));
  const costSoFar = metered ? money(usage.data.amount ?? 0) : null;
  const projectedCost = metered && projected ? money(projected.amount) : null;
  const periodEnd = formatDate(period_end, locale);
  const unitWord = unit === undefined ? unitOfMetric(metric) : unit;
  const count = (n: number) => (unitWord ? text.withUnit(number.format(n), unitFor(unitWord, n, locale)) : number.format(n));

  // The bar's scale is the limit, unless usage may go past it (no limit, or a price that bills
  // beyond it, once it has): then it reaches the furthest of limit, usage and projection.
  const ahead = metered ? Math.max(projected?.quantity ?? quantity, quantity) : quantity;
  const stretch = metered && (limit === null || billedPast);
  const scale = limit !== null && !stretch ? limit : Math.max(limit ?? 0, included ?? 0, ahead);
  const share = (n: number) => (scale > 0 ? Math.min(Math.max(n / scale, 0), 1) : n > 0 ? 1 : 0);
  const used = share(quantity);
  const free = metered ? Math.min(share(Math.min(quantity, included)), used) : used;
  const parts: UsageBarParts = {
    included: free,
    billable: used - free,
    projected: metered ? Math.max(share(ahead) - used, 0) : 0,
    mark: metered && included > 0 && included < scale ? included / scale : null,
  };
  const meter =
    limit === null
      ? undefined
      : {
          role: 'meter',
          'aria-labelledby': labelId,
          'aria-valuemin': 0,
          'aria-valuemax': limit,
          // A meter's value stays within its range; the text tells the real count when over.
          'aria-valuenow': Math.min(quantity, limit),
          'aria-valuetext': amount,
        };

  return root(
    'ready',
    <div className="bk:flex bk:flex-col bk:gap-3 bk:p-5">
      <div className="bk:flex bk:items-center bk:justify-between bk:gap-3">
        <p id={labelId} data-billkit-part="label" className="bk:text-sm bk:font-medium bk:text-billkit-muted-foreground">
          {heading}
        </p>
        {danger ? (
          <Badge tone="danger" dot data-billkit-part="level">
            {reached ? text.limitReached : text.overLimit}
          </Badge>
        ) : near ? (
          <Badge tone="warning" dot data-billkit-part="level">
            {text.nearLimit}
          </Badge>
        ) : billing ? (
          <Badge tone="primary" data-billkit-part="level">
            {text.overIncluded}
          </Badge>
        ) : limit === null ? (
          <Badge tone="neutral" data-billkit-part="level">
            {text.unlimited}
          </Badge>
        ) : null}
      </div>
      <div className="bk:flex bk:items-baseline bk:justify-between bk:gap-3">
        <p data-billkit-part="amount" className="bk:text-xl bk:font-semibold bk:tracking-[-0.02em] bk:tabular-nums">
          {amount}
        </p>
        {limit !== null && (
          <p data-billkit-part="percent" className="bk:text-sm bk:font-medium bk:tabular-nums bk:text-billkit-muted-foreground">
            {percent.format(Number.isFinite(ratio) ? ratio : 1)}
          </p>
        )}
      </div>
      {limit === null && !metered ? (
        // No cap, nothing to measure against: an empty track keeps the layout of the others.
        <div aria-hidden="true" data-billkit-part="track" className="bk:h-2 bk:w-full bk:rounded-full bk:bg-billkit-muted" />
      ) : (
        <UsageBar parts={parts} tone={tone} meter={meter} />
      )}
      {metered && (
        <div className="bk:flex bk:flex-wrap bk:items-baseline bk:justify-between bk:gap-x-3 bk:gap-y-1 bk:text-sm">
          <p data-billkit-part="billing" className="bk:tabular-nums bk:text-billkit-muted-foreground">
            {text.includedBillable(number.format(included), number.format(billable))}
          </p>
          {costSoFar !== null && (
            <p data-billkit-part="cost" className="bk:font-medium bk:tabular-nums">
              {text.costSoFar(costSoFar)}
            </p>
          )}
        </div>
      )}
      {projected && projectedCost !== null && (
        <p data-billkit-part="projection" className="bk:text-[0.8125rem] bk:tabular-nums bk:text-billkit-muted-foreground">
          {text.projection(count(projected.quantity), projectedCost, periodEnd)}
        </p>
      )}
      <p data-billkit-part="resets" className="bk:text-[0.8125rem] bk:text-billkit-muted-foreground">
        {text.resetsOn(periodEnd)}
      </p>
    </div>,
    {
      'data-unlimited': limit === null ? '' : undefined,
      'data-near-limit': near ? '' : undefined,
      'data-over-limit': over ? '' : undefined,
      'data-limit-reached': reached ? '' : undefined,
      'data-metered': metered ? '' : undefined,
      'data-included': metered ? String(included) : undefined,
      'data-billable': metered ? String(billable) : undefined,
      'data-projected': metered && projected ? String(projected.quantity) : undefined,
      'data-at-limit': rule.data?.at_limit,
      'data-tone': tone,
    },
  );
}
