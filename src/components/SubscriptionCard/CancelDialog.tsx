'use client';
import { useId, useState, type ReactNode } from 'react';
import type { Subscription } from '../../contract/types';
import { formatDate } from '../../contract/formatDate';
import { useBillingContext } from '../../react/useBillingContext';
import { useCancelSubscription } from '../../react/useCancelSubscription';
import { Button } from '../ui/Button';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '../ui/Dialog';
import { Notice } from '../ui/Notice';
import { useLabels } from '../../react/useLabels';
import { defaultSubscriptionCardLabels } from './subscriptionCardLabels';

type When = 'period_end' | 'now';

/**
 * The cancel button of `<SubscriptionCard/>` and the dialog it opens: cancel at the end
 * of the billing period (the default) or immediately, then confirm or keep.
 */
export function CancelDialog({
  subscription,
  onCanceled,
}: {
  subscription: Subscription;
  /** Called once the cancellation is done (the dialog then closes). */
  onCanceled?: () => void;
}): ReactNode {
  const { locale } = useBillingContext();
  const text = useLabels('subscriptionCard', defaultSubscriptionCardLabels);
  const cancel = useCancelSubscription();
  const [open, setOpen] = useState(false);
  const [when, setWhen] = useState<When>('period_end');
  const ids = useId();

  const onOpenChange = (next: boolean) => {
    // A dialog that is confirming stays open: closing it would hide the outcome.
    if (cancel.isPending) return;
    setOpen(next);
    if (next) {
      setWhen('period_end');
      cancel.reset();
    }
  };

  const confirm = () =>
    cancel.mutate(
      { at_period_end: when === 'period_end' },
      {
        onSuccess: () => {
          setOpen(false);
          onCanceled?.();
        },
      },
    );

  // Native radio buttons: the radio group semantics and arrow keys come from the browser.
  const option = (value: When, title: string, hint: string) => (
    <label
      data-billkit-part="cancel-option"
      data-state={when === value ? 'checked' : 'unchecked'}
      className={
        'bk:flex bk:cursor-pointer bk:items-start bk:gap-3 bk:rounded-billkit-md bk:border bk:p-3.5 bk:transition-colors ' +
        'bk:border-billkit-border bk:hover:bg-billkit-muted/60 ' +
        'bk:data-[state=checked]:border-billkit-primary bk:data-[state=checked]:bg-billkit-accent/60'
      }
    >
      <input
        type="radio"
        name={ids}
        value={value}
        checked={when === value}
        onChange={() => setWhen(value)}
        // Named by the title alone; the hint is its description.
        aria-labelledby={`${ids}-${value}-title`}
        aria-describedby={`${ids}-${value}-hint`}
        className={
          'bk:mt-0.5 bk:size-4 bk:shrink-0 bk:appearance-none bk:rounded-full bk:border bk:border-billkit-input bk:bg-billkit-card bk:transition-[border] ' +
          'bk:checked:border-[5px] bk:checked:border-billkit-primary ' +
          'bk:focus-visible:outline-2 bk:focus-visible:outline-offset-2 bk:focus-visible:outline-billkit-ring'
        }
      />
      <span className="bk:flex bk:flex-col bk:gap-0.5">
        <span id={`${ids}-${value}-title`} className="bk:text-sm bk:font-medium">
          {title}
        </span>
        <span id={`${ids}-${value}-hint`} className="bk:text-[0.8125rem] bk:text-billkit-muted-foreground">
          {hint}
        </span>
      </span>
    </label>
  );

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline" data-billkit-part="cancel">
          {text.cancel}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={text.cancelDialogTitle}
        description={text.cancelDialogDescription(subscription.plan.name)}
        footer={
          <>
            <DialogClose asChild>
              <Button variant="outline" disabled={cancel.isPending} data-billkit-part="keep">
                {text.keep}
              </Button>
            </DialogClose>
            <Button variant="danger" pending={cancel.isPending} onClick={confirm} data-billkit-part="confirm-cancel">
              {cancel.isPending ? text.canceling : text.confirmCancel}
            </Button>
          </>
        }
      >
        <div role="radiogroup" aria-label={text.cancelChoice} data-billkit-part="cancel-choice" className="bk:flex bk:flex-col bk:gap-2.5">
          {option(
            'period_end',
            text.cancelAtPeriodEnd,
            text.cancelAtPeriodEndHint(formatDate(subscription.current_period_end, locale)),
          )}
          {option('now', text.cancelImmediately, text.cancelImmediatelyHint)}
        </div>
        {cancel.isError && (
          <Notice tone="danger" role="alert">
            {cancel.error.message}
          </Notice>
        )}
      </DialogContent>
    </Dialog>
  );
}
