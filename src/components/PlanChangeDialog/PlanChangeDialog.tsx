'use client';
import { useState, type ReactNode } from 'react';
import type { BillingError } from '../../client/BillingError';
import type { Plan, Price, Subscription } from '../../contract/types';
import { formatDate } from '../../contract/formatDate';
import { formatInterval } from '../../contract/formatInterval';
import { formatMoney } from '../../contract/formatMoney';
import { useBillingContext } from '../../react/useBillingContext';
import { useChangePlan } from '../../react/useChangePlan';
import { usePreviewPlanChange } from '../../react/usePreviewPlanChange';
import { PaymentError } from '../CheckoutForm/PaymentError';
import { PaymentMethodForm } from '../PaymentMethodForm/PaymentMethodForm';
import { defaultPaymentMethodLabels, type PaymentMethodLabels } from '../PaymentMethodForm/paymentMethodLabels';
import { Button } from '../ui/Button';
import { Dialog, DialogContent } from '../ui/Dialog';
import { ErrorState } from '../ui/ErrorState';
import { Skeleton } from '../ui/Skeleton';
import { PreviewLines } from './PreviewLines';
import { useReturnFocus } from '../ui/useReturnFocus';
import { useLabels } from '../../react/useLabels';
import { defaultCommonLabels } from '../ui/commonLabels';

/** Props of {@link PlanChangeDialog}. */
export interface PlanChangeDialogProps {
  /** The price to change to. */
  price: Price;
  /** The plan of that price. */
  plan: Plan;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Called with the changed subscription (its `pending_change` set for a period-end change). */
  onChanged?: (subscription: Subscription) => void;
  /** Any of the strings, overridden. */
  labels?: Partial<PlanChangeDialogLabels>;
}

/** The strings {@link PlanChangeDialog} uses. */
export type PlanChangeDialogLabels = PaymentMethodLabels;

type Step = 'preview' | 'update_card';

/**
 * The dialog of a subscriber's plan change: the proxy's preview ("$19.33 due today, then
 * $29.00 on Dec 21", or "Switches to Starter on Dec 21" for a change at the period end)
 * with its lines, Confirm, progress, and on a declined proration charge the processor's
 * message with a way to update the card (a `<PaymentMethodForm/>` in the dialog) and try
 * again. Parts: `data-billkit-part="plan-change"` with `data-state` = `loading` | `error`
 * | `ready` | `changing` | `declined` | `update_card`, and `data-effective` = `now` | `period_end`.
 *
 * `<PricingTable planChange={planChange}/>` opens it from the plan cards; it works alone too.
 *
 * @example
 * <PlanChangeDialog plan={pro} price={proYearly} open={open} onOpenChange={setOpen} />
 */
export function PlanChangeDialog({ price, plan, open, onOpenChange, onChanged, labels }: PlanChangeDialogProps): ReactNode {
  const { locale, labels: overrides } = useBillingContext();
  const text = { ...useLabels('paymentMethod', defaultPaymentMethodLabels), ...labels };
  const retry = useLabels('retry', defaultCommonLabels.retry);
  const preview = usePreviewPlanChange(open ? price.id : null);
  const change = useChangePlan();
  const [step, setStep] = useState<Step>('preview');
  useReturnFocus(open);
  const declined: BillingError | null = change.error?.status === 402 ? change.error : null;
  const interval = price.interval ? formatInterval(price.interval, locale, overrides.intervals) : '';
  const date = (iso: string) => formatDate(iso, locale);

  const close = (next: boolean) => {
    // The dialog cannot be dismissed while the change is being charged.
    if (change.isPending) return;
    if (!next) {
      change.reset();
      setStep('preview');
    }
    onOpenChange(next);
  };

  const confirm = () =>
    change.mutate(
      // Priced at the preview's instant: the charge is exactly what the dialog shows.
      { price_id: price.id, ...(preview.data && { proration_date: preview.data.proration_date }) },
      {
        onSuccess: (subscription) => {
          onChanged?.(subscription);
          setStep('preview');
          onOpenChange(false);
        },
      },
    );

  const data = preview.data;
  const state =
    step === 'update_card'
      ? 'update_card'
      : change.isPending
        ? 'changing'
        : declined
          ? 'declined'
          : preview.isError
            ? 'error'
            : data
              ? 'ready'
              : 'loading';
  const summary = data
    ? data.effective === 'now'
      ? text.dueTodayThen(
          formatMoney(data.amount_due_today, data.currency, locale),
          formatMoney(data.next_invoice.amount, data.currency, locale),
          date(data.next_invoice.date),
        )
      : text.switchesOn(data.plan.name, date(data.next_invoice.date))
    : text.previewLoading;

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent
        title={text.changeTitle(plan.name, interval, price.interval)}
        description={step === 'update_card' ? text.updateCardDescription : summary}
        footer={
          step === 'update_card' ? (
            <Button variant="outline" onClick={() => setStep('preview')}>
              {text.cancel}
            </Button>
          ) : (
            <>
              <Button variant="outline" disabled={change.isPending} onClick={() => close(false)}>
                {text.cancel}
              </Button>
              {declined && (
                <Button variant="outline" onClick={() => setStep('update_card')} data-billkit-part="update-card">
                  {text.updateCardTitle}
                </Button>
              )}
              <Button pending={change.isPending} disabled={!data || change.isPending} onClick={confirm} data-billkit-part="confirm">
                {change.isPending
                  ? text.changing
                  : data && data.amount_due_today > 0
                    ? text.payAndSwitch(formatMoney(data.amount_due_today, data.currency, locale))
                    : text.confirmChange}
              </Button>
            </>
          )
        }
      >
        <div data-billkit-part="plan-change" data-state={state} data-effective={data?.effective} aria-busy={state === 'loading' || undefined} className="bk:flex bk:flex-col bk:gap-4">
          {step === 'update_card' ? (
            <PaymentMethodForm
              labels={labels}
              onSaved={() => {
                change.reset();
                setStep('preview');
              }}
            />
          ) : preview.isError ? (
            <ErrorState title={text.previewFailed} message={preview.error.message} retryLabel={retry} onRetry={() => void preview.refetch()} retrying={preview.isFetching} />
          ) : data ? (
            <PreviewLines preview={data} text={text} locale={locale} />
          ) : (
            <>
              <span role="status" className="bk:sr-only">
                {text.previewLoading}
              </span>
              <Skeleton className="bk:h-24 bk:w-full" />
            </>
          )}
          {step === 'preview' && change.error && (
            <>
              <PaymentError error={change.error} />
              {declined && <p className="bk:m-0 bk:text-sm bk:text-billkit-muted-foreground">{text.declinedHint}</p>}
            </>
          )}
        </div>
      </DialogContent>
    </Dialog>
  );
}
