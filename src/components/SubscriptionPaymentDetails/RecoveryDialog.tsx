'use client';
import { useState, type ReactNode } from 'react';
import type { Subscription } from '../../contract/types';
import { formatMoney } from '../../contract/formatMoney';
import { useBillingContext } from '../../react/useBillingContext';
import { usePayInvoice } from '../../react/usePayInvoice';
import { PaymentError } from '../CheckoutForm/PaymentError';
import { PaymentMethodForm } from '../PaymentMethodForm/PaymentMethodForm';
import type { PaymentMethodLabels } from '../PaymentMethodForm/paymentMethodLabels';
import { Dialog, DialogContent } from '../ui/Dialog';
import { Notice } from '../ui/Notice';
import { useReturnFocus } from '../ui/useReturnFocus';

/**
 * Recovery of a `past_due` / `incomplete` subscription in one dialog: the user enters a
 * new card, and once it is attached the open invoice is paid with it at once (one
 * submit). A declined payment shows the processor's message and the form again.
 * `data-billkit-part="recovery"`, `data-state` = `card` | `paying` | `declined` | `paid`.
 */
export function RecoveryDialog({
  subscription,
  labels: text,
  onOpenChange,
}: {
  subscription: Subscription;
  labels: PaymentMethodLabels;
  onOpenChange: (open: boolean) => void;
}): ReactNode {
  const { locale } = useBillingContext();
  const pay = usePayInvoice();
  const [paid, setPaid] = useState(false);
  useReturnFocus(true);
  const invoice = subscription.latest_invoice;
  const amount = invoice ? formatMoney(invoice.amount_due, invoice.currency, locale) : '';
  const state = paid ? 'paid' : pay.isPending ? 'paying' : pay.isError ? 'declined' : 'card';

  const payOpenInvoice = () => {
    // Without an open invoice on the subscription there is nothing to pay: the new card is all.
    if (!invoice) return setPaid(true);
    pay.mutate({ invoice: invoice.id }, { onSuccess: () => setPaid(true) });
  };

  return (
    <Dialog open onOpenChange={(open) => pay.isPending || onOpenChange(open)}>
      <DialogContent title={text.recoverTitle} description={invoice ? text.recoverDescription(amount) : text.updateCardDescription}>
        <div data-billkit-part="recovery" data-state={state} className="bk:flex bk:flex-col bk:gap-4">
          {paid ? (
            <Notice tone="info" role="status">
              {text.paid}
            </Notice>
          ) : (
            <>
              {pay.isError && <PaymentError error={pay.error} />}
              {pay.isPending && (
                <span role="status" className="bk:text-sm bk:text-billkit-muted-foreground">
                  {text.paying}
                </span>
              )}
              <PaymentMethodForm labels={text} submitLabel={invoice ? text.payAmount(amount) : text.saveCard} onSaved={payOpenInvoice} />
            </>
          )}
        </div>
      </DialogContent>
    </Dialog>
  );
}
