import type { QueryClient, UseMutationOptions } from '@tanstack/react-query';
import type { BillingClient } from '../client/createBillingClient';
import type { BillingError } from '../client/BillingError';
import type { Invoice } from '../contract/types';
import { idempotencyKey } from './idempotencyKey';
import { invalidateAfterPayment } from './invalidateAfterPayment';

/** Variables of {@link payInvoiceMutationOptions} (and `usePayInvoice`). */
export interface UsePayInvoiceVariables {
  /** The open invoice, or its id. */
  invoice: Invoice | string;
  /** Defaults to a fresh key per call: one `mutate` is one payment attempt. */
  idempotencyKey?: string;
}

/**
 * Mutation options of paying an open invoice with the card on file (`POST /invoices/:id/pay`):
 * a success refetches what a completed payment changes (the subscription, which turns
 * `active` when no open invoice remains, the entitlements, usage and invoices) before it
 * settles. A decline is a 402 `BillingError` with the processor's code. Never retried automatically.
 */
export function payInvoiceMutationOptions(
  client: BillingClient,
  queryClient: QueryClient,
): UseMutationOptions<Invoice, BillingError, UsePayInvoiceVariables> {
  return {
    mutationFn: ({ invoice, idempotencyKey: key }) => client.payInvoice(invoice, { idempotencyKey: key ?? idempotencyKey() }),
    retry: false,
    onSuccess: () => invalidateAfterPayment(queryClient, client.scope),
  };
}
