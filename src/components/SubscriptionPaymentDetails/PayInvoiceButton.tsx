'use client';
import type { ReactNode } from 'react';
import type { Invoice } from '../../contract/types';
import { formatDate } from '../../contract/formatDate';
import { useBillingContext } from '../../react/useBillingContext';
import { usePayInvoice } from '../../react/usePayInvoice';
import { defaultPaymentMethodLabels, type PaymentMethodLabels } from '../PaymentMethodForm/paymentMethodLabels';
import { Button } from '../ui/Button';
import { useLabels } from '../../react/useLabels';

/**
 * "Pay" on an open invoice: pays it with the card on file (`POST /invoices/:id/pay`). A
 * decline shows "Payment failed" beside it (the processor's message as its title and in
 * `data-code`). Pass it to `<InvoiceList payButton={PayInvoiceButton}/>`; `data-billkit-part="pay"`.
 */
export function PayInvoiceButton({ invoice, labels }: { invoice: Invoice; labels?: Partial<PaymentMethodLabels> }): ReactNode {
  const { locale } = useBillingContext();
  const text = { ...useLabels('paymentMethod', defaultPaymentMethodLabels), ...labels };
  const pay = usePayInvoice();
  return (
    <>
      {pay.isError && (
        <span role="alert" title={pay.error.message} data-code={pay.error.code} className="bk:text-xs bk:font-medium bk:text-billkit-danger">
          {text.payFailed}: {pay.error.message}
        </span>
      )}
      <Button size="sm" pending={pay.isPending} onClick={() => pay.mutate({ invoice })} data-billkit-part="pay">
        {pay.isPending ? text.paying : text.payInvoice} <span className="bk:sr-only">{text.payInvoiceOf(formatDate(invoice.created_at, locale))}</span>
      </Button>
    </>
  );
}
