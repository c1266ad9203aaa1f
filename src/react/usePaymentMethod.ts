'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { PaymentMethod } from '../contract/types';
import { paymentMethodQueryOptions } from './paymentMethodQueryOptions';
import { useBillingContext } from './useBillingContext';

/**
 * The caller's card on file; `data` is `null` when there is none.
 *
 * @example
 * const { data: card } = usePaymentMethod(); // { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2028 }
 */
export function usePaymentMethod(): UseQueryResult<PaymentMethod | null, BillingError> {
  const { client, queryClient } = useBillingContext();
  return useQuery(paymentMethodQueryOptions(client), queryClient);
}
