'use client';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Button } from '../components/ui/Button';
import { formatMoney } from '../contract/formatMoney';
import { useBillingContext } from '../react/useBillingContext';
import { useInvoices } from '../react/useInvoices';
import type { DevPayment } from './createDevClient';
import { devtoolsKeys, useDevtools } from './DevtoolsContext';

/** Payments: the card on file (paying or always declined), and pay / void for each open invoice. */
export function PaymentsSection(): ReactNode {
  const { dev, run, pending, subject } = useDevtools();
  const { scope, locale, queryClient } = useBillingContext();
  const card = useQuery({ queryKey: devtoolsKeys.card(scope, subject), queryFn: () => dev.getCard(), retry: false }, queryClient);
  const payments = useQuery({ queryKey: devtoolsKeys.payments(scope, subject), queryFn: () => dev.listPayments(), retry: false }, queryClient);
  const { invoices } = useInvoices();
  const open = invoices.filter((invoice) => invoice.status === 'open');
  const failing = card.data?.last4 === '0341';

  const setCard = (kind: 'failing' | 'paying') =>
    run(async () => {
      const next = await dev.setCard(kind);
      return { message: `Card on file: ${next ? `${next.brand} •••• ${next.last4}` : 'none'}${kind === 'failing' ? ' (every charge is declined)' : ''}.` };
    });

  return (
    <div className="bk:grid bk:gap-3">
      <p>
        Card on file:{' '}
        <strong data-billkit-part="card-on-file" data-failing={failing ? '' : undefined}>
          {card.isPending ? '…' : card.data ? `${card.data.brand} •••• ${card.data.last4}${failing ? ' (declines every charge)' : ''}` : 'none'}
        </strong>
      </p>
      <div className="bk:flex bk:flex-wrap bk:gap-2">
        <Button size="sm" variant="outline" disabled={pending} onClick={() => setCard('failing')}>
          Make charges fail (4000 0000 0000 0341)
        </Button>
        <Button size="sm" variant="outline" disabled={pending} onClick={() => setCard('paying')}>
          Make charges succeed (4242 4242 4242 4242)
        </Button>
      </div>
      <h4 className="bk:text-xs bk:font-semibold bk:uppercase bk:tracking-wide bk:text-billkit-muted-foreground">Open invoices</h4>
      {open.length === 0 ? (
        <p className="bk:text-billkit-muted-foreground">No open invoice.</p>
      ) : (
        <ul className="bk:grid bk:gap-2">
          {open.map((invoice) => {
            const amount = formatMoney(invoice.amount_due, invoice.currency, locale);
            return (
              <li key={invoice.id} className="bk:flex bk:flex-wrap bk:items-center bk:gap-2">
                <span className="bk:font-mono bk:text-xs">{invoice.id}</span>
                <span>{amount}</span>
                <Button
                  size="sm"
                  disabled={pending}
                  aria-label={`Pay invoice ${invoice.id} (${amount})`}
                  onClick={() =>
                    run(async () => {
                      const outcome = await dev.payInvoice(invoice.id);
                      return { message: `Paid ${invoice.id}.`, events: outcome.events };
                    })
                  }
                >
                  Pay
                </Button>
                <Button
                  size="sm"
                  variant="danger"
                  disabled={pending}
                  aria-label={`Void invoice ${invoice.id} (${amount})`}
                  onClick={() =>
                    run(async () => {
                      const outcome = await dev.voidInvoice(invoice.id);
                      return { message: `Voided ${invoice.id}.`, events: outcome.events };
                    })
                  }
                >
                  Void
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <h4 className="bk:text-xs bk:font-semibold bk:uppercase bk:tracking-wide bk:text-billkit-muted-foreground">Charges</h4>
      {!payments.data || payments.data.length === 0 ? (
        <p className="bk:text-billkit-muted-foreground">{payments.isPending ? '…' : 'No charge yet.'}</p>
      ) : (
        <ul className="bk:grid bk:gap-1" data-billkit-part="payments">
          {payments.data.map((p) => (
            <li key={p.id} className="bk:flex bk:flex-wrap bk:items-center bk:gap-2" data-state={p.status}>
              <span>{formatMoney(p.amount, p.currency, locale)}</span>
              <span>{PURPOSES[p.purpose]}</span>
              <span className="bk:text-billkit-muted-foreground">
                {p.status}
                {p.failure_code ? ` (${p.failure_code})` : ''}
                {p.processor && p.processor.refunded > 0 ? `, refunded ${formatMoney(p.processor.refunded, p.currency, locale)}` : ''}
              </span>
              <span className="bk:font-mono bk:text-xs">{p.idempotency_key}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** How the Charges list names why a payment was made. */
const PURPOSES: Record<DevPayment['purpose'], string> = {
  checkout: 'checkout',
  plan_change: 'plan change',
  invoice_pay: 'invoice paid by the customer',
  renewal: 'renewal',
  retry: 'dunning retry',
  devtools: 'paid from the dev tools',
};
