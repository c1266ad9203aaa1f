'use client';
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { payInvoiceMutationOptions, type UsePayInvoiceVariables } from './payInvoiceMutationOptions';
import type { BillingError } from '../client/BillingError';
import type { Invoice } from '../contract/types';
import { useBillingContext } from './useBillingContext';

export type { UsePayInvoiceVariables };

/**
 * Pays an open invoice with the card on file. On success the subscription (a `past_due`
 * one turns `active` once nothing is open), entitlements, usage and invoices refetch
 * before the mutation settles; a decline rejects with a 402 `BillingError`. Never retried automatically.
 *
 * @example
 * const pay = usePayInvoice();
 * pay.mutate({ invoice: subscription.latest_invoice.id });
 */
export function usePayInvoice(): UseMutationResult<Invoice, BillingError, UsePayInvoiceVariables> {
  const { client, queryClient } = useBillingContext();
  return useMutation(payInvoiceMutationOptions(client, queryClient), queryClient);
}
