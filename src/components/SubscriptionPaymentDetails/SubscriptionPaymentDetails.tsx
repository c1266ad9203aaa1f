'use client';
import { useState, type ReactNode } from 'react';
import type { Subscription } from '../../contract/types';
import { formatDate } from '../../contract/formatDate';
import { formatUnits } from '../../contract/formatUnits';
import { needsPayment } from '../../contract/subscriptionRules';
import { useBillingContext } from '../../react/useBillingContext';
import { useChangePlan } from '../../react/useChangePlan';
import { usePaymentMethod } from '../../react/usePaymentMethod';
import { PaymentError } from '../CheckoutForm/PaymentError';
import { PaymentMethodForm } from '../PaymentMethodForm/PaymentMethodForm';
import { brandName, defaultPaymentMethodLabels, type PaymentMethodLabels } from '../PaymentMethodForm/paymentMethodLabels';
import { Button } from '../ui/Button';
import { Dialog, DialogContent } from '../ui/Dialog';
import { Skeleton } from '../ui/Skeleton';
import { useReturnFocus } from '../ui/useReturnFocus';
import { RecoveryDialog } from './RecoveryDialog';
import { useLabels } from '../../react/useLabels';

/** Props of {@link SubscriptionPaymentDetails}. */
export interface SubscriptionPaymentDetailsProps {
  subscription: Subscription;
  /**
   * Whether a `past_due` / `incomplete` subscription offers the built-in recovery (update
   * the card and pay the open invoice in one dialog). `<SubscriptionCard/>` turns it off
   * when the app passes its own `onUpdatePayment` or `updatePaymentHref`.
   */
  recovery?: boolean;
  labels?: Partial<PaymentMethodLabels>;
}

/**
 * The self-serve part of `<SubscriptionCard paymentDetails={SubscriptionPaymentDetails}/>`:
 * the card on file ("Visa •••• 4242, expires 12/28" + Update), a pending plan change
 * ("Switches to Starter on Dec 21" + "Keep Pro", which changes back to the current price;
 * a seat decrease: "Changes to 3 seats on Dec 21" + "Keep 5 seats"),
 * and for `past_due` / `incomplete` a "Fix payment" button opening the recovery dialog.
 * Parts: `payment-method` (`data-state` = `loading` | `error` | `empty` | `ready`),
 * `update-card`, `pending-change` (`data-effective-at`), `keep-plan`, `recover`.
 */
export function SubscriptionPaymentDetails({ subscription, recovery = true, labels }: SubscriptionPaymentDetailsProps): ReactNode {
  const { locale } = useBillingContext();
  const text = { ...useLabels('paymentMethod', defaultPaymentMethodLabels), ...labels };
  const card = usePaymentMethod();
  const keep = useChangePlan();
  const [updating, setUpdating] = useState(false);
  const [recovering, setRecovering] = useState(false);
  useReturnFocus(updating);
  const pending = subscription.pending_change;
  const current = subscription.quantity ?? 1;
  // A seat decrease is a pending change of quantity on the same price.
  const seats = pending?.price.id === subscription.price.id && pending.quantity !== undefined && pending.quantity !== current;
  const units = (count: number) => formatUnits(count, subscription.price.unit_label, locale, text.units);
  const cardState = card.isPending ? 'loading' : card.isError ? 'error' : card.data ? 'ready' : 'empty';

  return (
    <div data-billkit-part="payment-details" className="bk:flex bk:flex-col bk:gap-3">
      <div
        data-billkit-part="payment-method"
        data-state={cardState}
        className="bk:flex bk:flex-wrap bk:items-center bk:justify-between bk:gap-3 bk:rounded-billkit-md bk:border bk:border-billkit-border bk:px-4 bk:py-3"
      >
        <div className="bk:flex bk:flex-col bk:gap-0.5">
          <span className="bk:text-xs bk:font-medium bk:text-billkit-muted-foreground">{text.paymentMethod}</span>
          <span className="bk:text-sm bk:font-medium">
            {card.isPending ? (
              <Skeleton className="bk:h-4 bk:w-44" />
            ) : card.isError ? (
              <span role="alert" className="bk:text-billkit-danger">{card.error.message}</span>
            ) : card.data ? (
              text.cardOnFile(brandName(card.data.brand), card.data.last4, `${String(card.data.exp_month).padStart(2, '0')}/${String(card.data.exp_year).slice(-2)}`)
            ) : (
              text.noCardOnFile
            )}
          </span>
        </div>
        <Button variant="outline" size="sm" onClick={() => setUpdating(true)} data-billkit-part="update-card">
          {card.data ? text.updateCard : text.addCard}
        </Button>
      </div>
      {pending && (
        <div
          data-billkit-part="pending-change"
          data-effective-at={pending.effective_at}
          className="bk:flex bk:flex-wrap bk:items-center bk:justify-between bk:gap-3 bk:rounded-billkit-md bk:bg-billkit-muted/60 bk:px-4 bk:py-3 bk:text-sm"
        >
          <span>
            {seats
              ? text.pendingQuantity(units(pending.quantity ?? 1), formatDate(pending.effective_at, locale))
              : text.pendingChange(pending.plan.name, formatDate(pending.effective_at, locale))}
          </span>
          <Button
            variant="outline"
            size="sm"
            pending={keep.isPending}
            onClick={() => keep.mutate({ price_id: subscription.price.id, ...(seats && { quantity: current }) })}
            data-billkit-part="keep-plan"
          >
            {seats ? text.keepQuantity(units(current)) : text.keepPlan(subscription.plan.name)}
          </Button>
        </div>
      )}
      {keep.isError && <PaymentError error={keep.error} />}
      {needsPayment(subscription) && recovery && (
        <Button onClick={() => setRecovering(true)} data-billkit-part="recover" className="bk:self-end">
          {text.recoverTitle}
        </Button>
      )}
      <Dialog open={updating} onOpenChange={setUpdating}>
        <DialogContent title={text.updateCardTitle} description={text.updateCardDescription}>
          <PaymentMethodForm labels={labels} onSaved={() => setUpdating(false)} />
        </DialogContent>
      </Dialog>
      {recovering && <RecoveryDialog subscription={subscription} labels={text} onOpenChange={setRecovering} />}
    </div>
  );
}
