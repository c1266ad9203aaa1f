'use client';
import { useMemo } from 'react';
import type { BillingLabels } from './labels';
import { useBillingContext } from './useBillingContext';

const isGroup = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The strings of one label group (`'pricingTable'`, `'subscriptionStatus'`, `'retry'`, …):
 * the calling component's `defaults` with the nearest `<BillingProvider>`'s overrides of
 * that group laid over them, one level deep, so one string of a group can change alone.
 * The defaults come from the component, not the provider, so an app pays only for the
 * strings of the components it renders.
 *
 * @example
 * const text = useLabels('usageMeter', defaultUsageMeterLabels);
 */
export function useLabels<K extends keyof BillingLabels>(group: K, defaults: BillingLabels[K]): BillingLabels[K] {
  const override: unknown = useBillingContext().labels[group];
  return useMemo(() => {
    const base: unknown = defaults;
    if (override === undefined) return defaults;
    return (isGroup(base) && isGroup(override) ? { ...base, ...override } : override) as BillingLabels[K];
  }, [defaults, override]);
}
