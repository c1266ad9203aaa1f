'use client';
import { useQuery } from '@tanstack/react-query';
import type { PriceUsage } from '../contract/types';
import { plansQueryOptions } from './plansQueryOptions';
import { subscriptionQueryOptions } from './subscriptionQueryOptions';
import { useBillingContext } from './useBillingContext';

/**
 * How the caller's price bills `metric` (its `price.usage` entry: included units, tiers,
 * `at_limit`), read from `GET /subscription` (which price) and `GET /plans` (what it bills).
 * With `enabled: false` it fetches nothing, so a component asks only when it needs it.
 * `data` is `undefined` until both have loaded, and `null` without a subscription, when the
 * price bills no usage of the metric, when the price is not listed (a hidden plan) or when
 * either request failed.
 */
export function usePriceUsage(metric: string, enabled: boolean): { data: PriceUsage | null | undefined; isPending: boolean } {
  const { client, queryClient } = useBillingContext();
  const subscription = useQuery({ ...subscriptionQueryOptions(client), enabled }, queryClient);
  const plans = useQuery({ ...plansQueryOptions(client), enabled }, queryClient);
  if (!enabled) return { data: undefined, isPending: false };
  if (subscription.isError || plans.isError) return { data: null, isPending: false };
  if (subscription.data === undefined || plans.data === undefined) return { data: undefined, isPending: true };
  const priceId = subscription.data?.price.id;
  const price = plans.data.flatMap((plan) => plan.prices).find((p) => p.id === priceId);
  return { data: price?.usage?.find((component) => component.metric === metric) ?? null, isPending: false };
}
