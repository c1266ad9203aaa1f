'use client';
import { useState, type ReactNode } from 'react';
import type { BillingError } from '../../client/BillingError';
import type { Subscription } from '../../contract/types';
import { formatDate } from '../../contract/formatDate';
import { formatMoney } from '../../contract/formatMoney';
import { formatUnits } from '../../contract/formatUnits';
import { canChangePlan } from '../../contract/subscriptionRules';
import { useBillingContext } from '../../react/useBillingContext';
import { useChangePlan } from '../../react/useChangePlan';
import { useLabels } from '../../react/useLabels';
import { usePreviewPlanChange } from '../../react/usePreviewPlanChange';
import { PaymentError } from '../CheckoutForm/PaymentError';
import { PreviewLines } from '../PlanChangeDialog/PreviewLines';
import { PaymentMethodForm } from '../PaymentMethodForm/PaymentMethodForm';
import { defaultPaymentMethodLabels, type PaymentMethodLabels } from '../PaymentMethodForm/paymentMethodLabels';
import { Button } from '../ui/Button';
import { defaultCommonLabels } from '../ui/commonLabels';
import { Dialog, DialogContent } from '../ui/Dialog';
import { ErrorState } from '../ui/ErrorState';
import { Skeleton } from '../ui/Skeleton';
import { useReturnFocus } from '../ui/useReturnFocus';
import { QuantityStepper } from './QuantityStepper';
import { defaultSeatChangeLabels, type SeatChangeLabels } from './seatChangeLabels';

/** Props of {@link SeatChange}. */
export interface SeatChangeProps {
  subscription: Subscription;
  /** Called with the changed subscription (its `pending_change` set for a decrease). */
  onChanged?: (subscription: Subscription) => void;
  /** Any of the strings, overridden (over the provider's `labels.seatChange`). */
  labels?: Partial<SeatChangeLabels>;
  /** Opens the dialog at first render (stories, deep links). */
  defaultOpen?: boolean;
  /** The quantity the stepper starts at when the dialog opens (default: the current one). */
  defaultQuantity?: number;
}

type Step = 'preview' | 'update_card';

/**
 * The "Change seats" opt-in of `<SubscriptionCard seatChange={SeatChange}/>`: on a
 * `per_unit` subscription that can change plan (`canChangePlan`), a button opening a
 * dialog with a seat stepper (the price's `min_quantity`..`max_quantity`) and the proxy's
 * preview of the new quantity (`usePreviewPlanChange(price, { quantity })`): an increase is
 * charged today, prorated ("Pay $28.20 and add 3 seats"); a decrease waits for the period
 * end, with no refund (during a trial both apply at once, free). Confirm calls `useChangePlan` with the quantity and the preview's
 * `proration_date`, so the charge is the preview's amount; a declined card offers the card
 * form, as `<PlanChangeDialog/>` does. Renders nothing for other subscriptions.
 * Parts: `seat-change` (the button), `seat-change-dialog` with `data-state` = `same` |
 * `loading` | `error` | `ready` | `changing` | `declined` | `update_card` and
 * `data-effective` = `now` | `period_end`.
 *
 * @example
 * <SubscriptionCard seatChange={SeatChange} />
 */
export function SeatChange({ subscription, onChanged, labels, defaultOpen = false, defaultQuantity }: SeatChangeProps): ReactNode {
  const { locale } = useBillingContext();
  const text = { ...useLabels('seatChange', defaultSeatChangeLabels), ...labels };
  const card: PaymentMethodLabels = useLabels('paymentMethod', defaultPaymentMethodLabels);
  const retry = useLabels('retry', defaultCommonLabels.retry);
  const { price } = subscription;
  const current = subscription.quantity ?? 1;
  const min = price.min_quantity ?? 1;
  const max = price.max_quantity ?? null;
  const [open, setOpen] = useState(defaultOpen);
  const [quantity, setQuantity] = useState(defaultQuantity ?? current);
  const [step, setStep] = useState<Step>('preview');
  const same = quantity === current;
  const preview = usePreviewPlanChange(open && !same ? price.id : null, { quantity });
  const change = useChangePlan();
  useReturnFocus(open);
  if (price.model !== 'per_unit' || !canChangePlan(subscription)) return null;

  const declined: BillingError | null = change.error?.status === 402 ? change.error : null;
  const units = (count: number) => formatUnits(count, price.unit_label, locale, text.units);
  const money = (amount: number) => formatMoney(amount, price.currency, locale);
  const date = (iso: string) => formatDate(iso, locale);

  const onOpenChange = (next: boolean) => {
    // The dialog cannot be dismissed while the change is being charged.
    if (change.isPending) return;
    if (next) setQuantity(current);
    change.reset();
    setStep('preview');
    setOpen(next);
  };

  const pick = (next: number) => {
    change.reset();
    setQuantity(next);
  };

  const data = same ? undefined : preview.data;
  const confirm = () =>
    change.mutate(
      // Priced at the preview's instant: the charge is exactly what the dialog shows.
      { price_id: price.id, quantity, ...(data && { proration_date: data.proration_date }) },
      {
        onSuccess: (changed) => {
          onChanged?.(changed);
          setOpen(false);
        },
      },
    );

  const state =
    step === 'update_card'
      ? 'update_card'
      : same
        ? 'same'
        : change.isPending
          ? 'changing'
          : declined
            ? 'declined'
            : preview.isError
              ? 'error'
              : data
                ? 'ready'
                : 'loading';
  const added = units(Math.abs(quantity - current));
  const fewer = quantity < current;
  const summary = same
    ? text.sameQuantity
    : !data
      ? card.previewLoading
      : data.effective === 'period_end'
        ? text.decreaseSummary(units(quantity), date(data.next_invoice.date))
        : fewer
          ? text.decreaseNowSummary(units(quantity))
          : text.increaseSummary(money(data.amount_due_today), added, money(data.next_invoice.amount), date(data.next_invoice.date));
  const confirmLabel = change.isPending
    ? text.changing
    : same
      ? card.confirmChange
      : data?.effective === 'period_end'
        ? text.decreaseAtPeriodEnd(units(quantity))
        : fewer
          ? text.changeTo(units(quantity))
          : data && data.amount_due_today > 0
            ? text.payAndAdd(money(data.amount_due_today), added)
            : text.add(added);

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <Button variant="outline" onClick={() => onOpenChange(true)} data-billkit-part="seat-change">
        {text.changeSeats}
      </Button>
      <DialogContent
        title={text.changeSeats}
        description={step === 'update_card' ? card.updateCardDescription : text.description(units(current))}
        footer={
          step === 'update_card' ? (
            <Button variant="outline" onClick={() => setStep('preview')}>
              {card.cancel}
            </Button>
          ) : (
            <>
              <Button variant="outline" disabled={change.isPending} onClick={() => onOpenChange(false)}>
                {card.cancel}
              </Button>
              {declined && (
                <Button variant="outline" onClick={() => setStep('update_card')} data-billkit-part="update-card">
                  {card.updateCardTitle}
                </Button>
              )}
              <Button pending={change.isPending} disabled={!data || change.isPending} onClick={confirm} data-billkit-part="confirm">
                {confirmLabel}
              </Button>
            </>
          )
        }
      >
        <div
          data-billkit-part="seat-change-dialog"
          data-state={state}
          data-effective={data?.effective}
          aria-busy={state === 'loading' || undefined}
          className="bk:flex bk:flex-col bk:gap-4"
        >
          {step === 'update_card' ? (
            <PaymentMethodForm
              onSaved={() => {
                change.reset();
                setStep('preview');
              }}
            />
          ) : (
            <>
              <QuantityStepper
                value={quantity}
                min={min}
                max={max}
                onChange={pick}
                label={text.quantity}
                decreaseLabel={text.decrease}
                increaseLabel={text.increase}
                hint={text.range(units(min), max === null ? null : units(max))}
              />
              <p role="status" data-billkit-part="summary" className="bk:m-0 bk:text-sm">
                {summary}
              </p>
              {same ? null : preview.isError ? (
                <ErrorState title={card.previewFailed} message={preview.error.message} retryLabel={retry} onRetry={() => void preview.refetch()} retrying={preview.isFetching} />
              ) : data ? (
                <PreviewLines preview={data} text={card} locale={locale} />
              ) : (
                <Skeleton className="bk:h-24 bk:w-full" />
              )}
              {change.error && (
                <>
                  <PaymentError error={change.error} />
                  {declined && <p className="bk:m-0 bk:text-sm bk:text-billkit-muted-foreground">{card.declinedHint}</p>}
                </>
              )}
            </>
          )}
        </div>
      </DialogContent>
    </Dialog>
  );
}
