'use client';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { Button } from '../components/ui/Button';
import { usageQueryOptions } from '../react/usageQueryOptions';
import { useBillingContext } from '../react/useBillingContext';
import { useDevtools } from './DevtoolsContext';

/** The amounts the section records in one press: enough to walk a plan's included units into overage. */
const STEPS = [100, 1_000, 10_000] as const;
const METRIC = /^[a-z][a-z0-9_]{0,63}$/;

/** Usage: one metric's count this period, and buttons that record more of it for the page's subject. */
export function UsageSection(): ReactNode {
  const { dev, run, pending } = useDevtools();
  const [metric, setMetric] = useState('api_calls');
  const metricId = useId();
  const valid = METRIC.test(metric);
  const { client, queryClient } = useBillingContext();
  const usage = useQuery({ ...usageQueryOptions(client, metric), enabled: valid }, queryClient);
  const count = (n: number) => n.toLocaleString('en-US');

  const record = (quantity: number) =>
    run(async () => {
      const summary = await dev.recordUsage(metric, quantity);
      return { message: `Recorded ${count(quantity)} ${metric}: ${count(summary.quantity)} this period.` };
    });

  return (
    <div className="bk:grid bk:gap-3">
      <div className="bk:grid bk:gap-1">
        <label htmlFor={metricId} className="bk:text-xs bk:font-medium">
          Metric
        </label>
        <input
          id={metricId}
          value={metric}
          spellCheck={false}
          aria-invalid={valid ? undefined : true}
          aria-describedby={valid ? undefined : `${metricId}-error`}
          onChange={(event) => setMetric(event.target.value.trim())}
          className="bk:h-8 bk:rounded-billkit-sm bk:border bk:border-billkit-input bk:bg-billkit-card bk:px-2 bk:font-mono bk:text-sm bk:text-billkit-foreground"
        />
        {!valid && (
          <p id={`${metricId}-error`} className="bk:text-xs bk:text-billkit-danger">
            Lower case letters, digits and _ (max 64).
          </p>
        )}
      </div>
      <p>
        This period:{' '}
        <strong data-billkit-part="usage-count" className="bk:font-mono">
          {usage.data
            ? `${count(usage.data.quantity)}${usage.data.limit === null ? '' : ` of ${count(usage.data.limit)}`}`
            : usage.isError
              ? usage.error.message
              : '…'}
        </strong>
      </p>
      <div className="bk:flex bk:flex-wrap bk:gap-2">
        {STEPS.map((step) => (
          <Button key={step} size="sm" variant="outline" disabled={pending || !valid} onClick={() => record(step)}>
            +{count(step)}
          </Button>
        ))}
      </div>
    </div>
  );
}
