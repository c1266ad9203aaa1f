'use client';
import { useId, type ReactNode } from 'react';
import { formatDate } from '../../contract/formatDate';
import { useBillingContext } from '../../react/useBillingContext';
import { useUsage } from '../../react/useUsage';
import { humanizeKey } from '../humanizeKey';
import { Badge } from '../ui/Badge';
import { Card } from '../ui/Card';
import { cx } from '../ui/cx';
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
 * plan has no cap, and when the count resets.
 *
 * @example
 * <UsageMeter metric="api_calls" label="API requests" warningThreshold={0.9} />
 */
export function UsageMeter({ metric, label, warningThreshold = 0.8, className }: UsageMeterProps): ReactNode {
  const { locale } = useBillingContext();
  const text = useLabels('usageMeter', defaultUsageMeterLabels);
  const retry = useLabels('retry', defaultCommonLabels.retry);
  const loading = useLabels('loading', defaultCommonLabels.loading);
  const usage = useUsage(metric);
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

  if (usage.isPending) {
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
  const ratio = limit === null ? 0 : limit > 0 ? quantity / limit : quantity > 0 ? Infinity : 0;
  const over = limit !== null && quantity > limit;
  const near = limit !== null && !over && ratio >= warningThreshold;
  const amount = limit === null ? text.used(number.format(quantity)) : text.usageOf(number.format(quantity), number.format(limit));
  const fill = over
    ? 'bk:bg-billkit-danger'
    : near
      ? 'bk:bg-billkit-warning'
      : 'bk:bg-billkit-primary';

  return root(
    'ready',
    <div className="bk:flex bk:flex-col bk:gap-3 bk:p-5">
      <div className="bk:flex bk:items-center bk:justify-between bk:gap-3">
        <p id={labelId} data-billkit-part="label" className="bk:text-sm bk:font-medium bk:text-billkit-muted-foreground">
          {heading}
        </p>
        {over ? (
          <Badge tone="danger" dot data-billkit-part="level">
            {text.overLimit}
          </Badge>
        ) : near ? (
          <Badge tone="warning" dot data-billkit-part="level">
            {text.nearLimit}
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
      {limit === null ? (
        // No cap, nothing to measure against: an empty track keeps the layout of the others.
        <div aria-hidden="true" data-billkit-part="track" className="bk:h-2 bk:w-full bk:rounded-full bk:bg-billkit-muted" />
      ) : (
        <div
          role="meter"
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={limit}
          // A meter's value stays within its range; the text tells the real count when over.
          aria-valuenow={Math.min(quantity, limit)}
          aria-valuetext={amount}
          data-billkit-part="track"
          className="bk:h-2 bk:w-full bk:overflow-hidden bk:rounded-full bk:bg-billkit-muted"
        >
          <div
            data-billkit-part="fill"
            className={cx('bk:h-full bk:rounded-full bk:transition-[width] bk:duration-500', fill)}
            style={{ width: `${Math.min(ratio, 1) * 100}%` }}
          />
        </div>
      )}
      <p data-billkit-part="resets" className="bk:text-[0.8125rem] bk:text-billkit-muted-foreground">
        {text.resetsOn(formatDate(period_end, locale))}
      </p>
    </div>,
    {
      'data-unlimited': limit === null ? '' : undefined,
      'data-near-limit': near ? '' : undefined,
      'data-over-limit': over ? '' : undefined,
    },
  );
}
