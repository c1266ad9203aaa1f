'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { PlanChangePreview } from '../contract/types';
import { planChangePreviewQueryOptions } from './planChangePreviewQueryOptions';
import { useBillingContext } from './useBillingContext';

/**
 * What changing the subscription to `priceId` costs: when it takes effect, the proration
 * lines, the amount due today and the next invoice. Pass `null` to fetch nothing (a
 * closed dialog). `options.quantity` prices that many units (seats) of a `per_unit` price:
 * the current price with another quantity is a seat change.
 *
 * @example
 * const { data: preview } = usePreviewPlanChange('price_pro_annual');
 * // preview.amount_due_today, preview.next_invoice.amount, preview.next_invoice.date
 * const { data: seats } = usePreviewPlanChange('price_team_monthly', { quantity: 8 });
 */
export function usePreviewPlanChange(
  priceId: string | null,
  options: { quantity?: number } = {},
): UseQueryResult<PlanChangePreview, BillingError> {
  const { client, queryClient } = useBillingContext();
  return useQuery({ ...planChangePreviewQueryOptions(client, priceId ?? '', options.quantity), enabled: priceId !== null }, queryClient);
}
