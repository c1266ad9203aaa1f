'use client';
import type { ReactNode } from 'react';
import { CheckoutSucceeded } from '../CheckoutForm/CheckoutSucceeded';
import { Button, buttonClasses } from '../ui/Button';
import { Card } from '../ui/Card';
import { cx } from '../ui/cx';
import { ErrorState } from '../ui/ErrorState';
import { Skeleton } from '../ui/Skeleton';
import { useCheckoutReturn, type CheckoutReturn as CheckoutReturnResult, type UseCheckoutReturnOptions } from '../../react/useCheckoutReturn';
import { useLabels } from '../../react/useLabels';
import { defaultCheckoutLabels } from '../CheckoutForm/checkoutLabels';
import { defaultCommonLabels } from '../ui/commonLabels';

/** Props of {@link CheckoutReturn}. */
export interface CheckoutReturnProps extends UseCheckoutReturnOptions {
  /** Where "Continue" leads (a link). */
  continueHref?: string;
  /** Called when the user continues; with `continueHref` too, before the link is followed. */
  onDone?: (result: CheckoutReturnResult) => void;
  className?: string;
}

/**
 * The page a checkout returns to (`success_url?session_id=…`): activates the session
 * when `activate` is set, then shows "You're subscribed to Pro" or why not ("This
 * checkout link is invalid or has expired"), refreshes the billing data and lets the
 * user continue. States are in `data-state`: `loading`, `succeeded`, `invalid`,
 * `pending`, `error`, `missing`.
 *
 * @example
 * // app/billing/return/page.tsx, the success_url of a hosted checkout
 * <CheckoutReturn activate continueHref="/settings/billing" />
 */
export function CheckoutReturn({ continueHref, onDone, className, ...options }: CheckoutReturnProps): ReactNode {
  const text = useLabels('checkout', defaultCheckoutLabels);
  const retry = useLabels('retry', defaultCommonLabels.retry);
  const result = useCheckoutReturn(options);
  const { status, summary, error } = result;

  const next =
    continueHref || onDone ? (
      continueHref ? (
        <a href={continueHref} onClick={() => onDone?.(result)} className={buttonClasses({ variant: status === 'succeeded' ? 'primary' : 'outline' })}>
          {text.returnContinue}
        </a>
      ) : (
        <Button variant={status === 'succeeded' ? 'primary' : 'outline'} onClick={() => onDone?.(result)}>
          {text.returnContinue}
        </Button>
      )
    ) : null;

  let body: ReactNode;
  if (status === 'loading') {
    body = (
      <div role="status" aria-busy="true" className="bk:flex bk:flex-col bk:items-center bk:gap-3 bk:py-6">
        <Skeleton className="bk:size-11 bk:rounded-full" />
        <p className="bk:m-0 bk:text-sm bk:text-billkit-muted-foreground">{text.returnActivating}</p>
      </div>
    );
  } else if (status === 'succeeded') {
    body = (
      <CheckoutSucceeded title={text.returnSucceeded(summary?.plan.name ?? '')} description={text.returnSucceededDescription}>
        {next}
      </CheckoutSucceeded>
    );
  } else {
    const failure = {
      invalid: { title: text.returnInvalid, message: text.returnInvalidDescription },
      missing: { title: text.returnInvalid, message: text.returnMissing },
      pending: { title: text.returnPending, message: text.returnPendingDescription },
      error: { title: text.returnError, message: error?.message },
    }[status];
    body = (
      <div className="bk:flex bk:flex-col bk:items-center">
        <ErrorState
          className="bk:py-6"
          title={failure.title}
          {...(failure.message ? { message: failure.message } : {})}
          {...(status === 'error' || status === 'pending' ? { onRetry: result.retry, retryLabel: retry } : {})}
        />
        {next}
      </div>
    );
  }

  return (
    <Card
      data-billkit-component="checkout-return"
      data-state={status}
      className={cx('bk:w-full bk:max-w-md bk:p-6 bk:font-billkit', className)}
    >
      {body}
    </Card>
  );
}
