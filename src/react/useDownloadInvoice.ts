'use client';
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { Invoice } from '../contract/types';
import { saveFile } from './saveFile';
import { useBillingContext } from './useBillingContext';

/**
 * Downloads an invoice's PDF with the session token (a plain link could not send it) and
 * saves it under the proxy's file name (`invoice_<id>.pdf`). Resolves with the blob and
 * the name, e.g. to show it in a viewer instead. Never retried automatically.
 *
 * @example
 * const download = useDownloadInvoice();
 * <button onClick={() => download.mutate(invoice)} disabled={download.isPending}>PDF</button>
 */
export function useDownloadInvoice(): UseMutationResult<{ blob: Blob; filename: string }, BillingError, Invoice | string> {
  const { client, queryClient } = useBillingContext();
  return useMutation(
    {
      mutationFn: async (invoice) => {
        const file = await client.downloadInvoicePdf(invoice);
        saveFile(file.blob, file.filename);
        return file;
      },
      retry: false,
    },
    queryClient,
  );
}
