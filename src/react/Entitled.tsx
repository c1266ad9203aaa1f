'use client';
import type { ReactNode } from 'react';
import { useEntitlement } from './useEntitlement';

/** Props of {@link Entitled}. */
export interface EntitledProps {
  /** The feature key, e.g. `advanced_analytics`. */
  feature: string;
  /** Shown when the plan does not include the feature (or entitlements failed to load). */
  fallback?: ReactNode;
  /** Shown while entitlements load; nothing by default, so gated UI never flashes. */
  loading?: ReactNode;
  children?: ReactNode;
}

/**
 * Renders `children` only when the caller's plan includes `feature`, `fallback` otherwise.
 *
 * @example
 * <Entitled feature="advanced_analytics" fallback={<UpgradePrompt />}>
 *   <AdvancedCharts />
 * </Entitled>
 */
export function Entitled({ feature, fallback = null, loading = null, children }: EntitledProps): ReactNode {
  const { entitled, isPending } = useEntitlement(feature);
  if (isPending) return loading;
  return entitled ? children : fallback;
}
