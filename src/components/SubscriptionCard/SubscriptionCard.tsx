'use client';
import { useEffect, useId, useRef, type ComponentType, type ReactNode } from 'react';
import type { Subscription } from '../../contract/types';
import { formatDate } from '../../contract/formatDate';
import { formatInterval } from '../../contract/formatInterval';
import { formatMoney } from '../../contract/formatMoney';
import { formatUnits } from '../../contract/formatUnits';
import { canCancel, canResume, needsPayment } from '../../contract/subscriptionRules';
import { useBillingContext } from '../../react/useBillingContext';
import { useResumeSubscription } from '../../react/useResumeSubscription';
import { useSubscription } from '../../react/useSubscription';
import { subscriptionStatusTone } from '../statusTones';
import { Badge } from '../ui/Badge';
import { Button, buttonClasses } from '../ui/Button';
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from '../ui/Card';
import { cx } from '../ui/cx';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { ArrowRightIcon, LayersIcon } from '../ui/icons';
import { Notice } from '../ui/Notice';
import { Skeleton } from '../ui/Skeleton';
import { CancelDialog } from './CancelDialog';
import { useLabels } from '../../react/useLabels';
import { defaultSubscriptionCardLabels, defaultSubscriptionStatusLabels } from './subscriptionCardLabels';
import { defaultCommonLabels } from '../ui/commonLabels';

/** Props of {@link SubscriptionCard}. */
export interface SubscriptionCardProps {
  /** Called by the "View plans" button (no subscription, or a canceled one): show your pricing table. */
  onUpgrade?: () => void;
  /** A link to your pricing page, used when there is no `onUpgrade`. */
  pricingHref?: string;
  /** Called by "Update payment method" (past due, incomplete): open your payment method form. */
  onUpdatePayment?: () => void;
  /** A link to where the payment method is updated, used when there is no `onUpdatePayment`. */
  updatePaymentHref?: string;
  /**
   * Opt-in (Billkit addition): `SubscriptionPaymentDetails` from `billkit` adds the card on
   * file with Update, a pending plan change with "Keep …", and for `past_due` / `incomplete`
   * a built-in recovery dialog (new card + pay the open invoice); `onUpdatePayment` or
   * `updatePaymentHref` still override the recovery.
   */
  paymentDetails?: ComponentType<{ subscription: Subscription; recovery?: boolean }>;
  /**
   * Opt-in (Billkit addition): `SeatChange` from `billkit` adds "Change seats" (a stepper
   * and the proxy's preview in a dialog) to a `per_unit` subscription that can change plan.
   */
  seatChange?: ComponentType<{ subscription: Subscription }>;
  className?: string;
}

/** A button when given a handler, a link styled as one when given an address, else nothing. */
function Action({
  onClick,
  href,
  children,
  part,
  variant,
}: {
  onClick: (() => void) | undefined;
  href: string | undefined;
  children: ReactNode;
  part: string;
  variant: 'primary' | 'outline';
}): ReactNode {
  if (onClick) {
    return (
      <Button variant={variant} onClick={onClick} data-billkit-part={part}>
        {children}
      </Button>
    );
  }
  if (href) {
    return (
      <a href={href} data-billkit-part={part} className={buttonClasses({ variant })}>
        {children}
      </a>
    );
  }
  return null;
}

/**
 * The caller's subscription: plan, price, status, current period and trial; notices for
 * a pending cancellation, a failed payment, a pause; Cancel (with a dialog: at period
 * end or now) and Resume. Without a subscription it invites to upgrade.
 *
 * @example
 * <SubscriptionCard pricingHref="/pricing" onUpdatePayment={() => openPortal()} />
 */
export function SubscriptionCard({
  onUpgrade,
  pricingHref,
  onUpdatePayment,
  updatePaymentHref,
  paymentDetails: PaymentDetails,
  seatChange: SeatChange,
  className,
}: SubscriptionCardProps): ReactNode {
  const { labels, locale } = useBillingContext();
  const text = useLabels('subscriptionCard', defaultSubscriptionCardLabels);
  const retry = useLabels('retry', defaultCommonLabels.retry);
  const loading = useLabels('loading', defaultCommonLabels.loading);
  const period = useLabels('period', defaultCommonLabels.period);
  const statusNames = useLabels('subscriptionStatus', defaultSubscriptionStatusLabels);
  const query = useSubscription();
  const resume = useResumeSubscription();
  const actionsId = useId();
  // After Cancel or Resume the button used is gone: keyboard focus moves to the new actions.
  const refocus = useRef(false);
  const afterAction = () => {
    refocus.current = true;
  };
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    document.getElementById(actionsId)?.querySelector<HTMLElement>('button:not(:disabled), a[href]')?.focus();
  });
  const date = (iso: string) => formatDate(iso, locale);

  const attributes = (state: 'loading' | 'error' | 'empty' | 'ready', subscription?: Subscription) => ({
    'data-billkit-component': 'subscription-card',
    'data-state': state,
    'data-status': subscription?.status,
    'data-cancel-at-period-end': subscription?.cancel_at_period_end ? '' : undefined,
    'aria-busy': state === 'loading' || undefined,
    className: cx('bk:w-full', className),
  });

  if (query.isPending) {
    return (
      <Card {...attributes('loading')}>
        <span role="status" className="bk:sr-only">
          {loading}
        </span>
        <CardHeader className="bk:flex-row bk:items-center bk:justify-between">
          <Skeleton className="bk:h-5 bk:w-28" />
          <Skeleton className="bk:h-5 bk:w-16 bk:rounded-full" />
        </CardHeader>
        <CardContent className="bk:flex bk:flex-col bk:gap-5">
          <div className="bk:flex bk:flex-col bk:gap-2">
            <Skeleton className="bk:h-7 bk:w-32" />
            <Skeleton className="bk:h-4 bk:w-40" />
          </div>
          <div className="bk:grid bk:grid-cols-2 bk:gap-4">
            <Skeleton className="bk:h-10" />
            <Skeleton className="bk:h-10" />
          </div>
        </CardContent>
        <CardFooter>
          <Skeleton className="bk:h-9 bk:w-40" />
        </CardFooter>
      </Card>
    );
  }

  if (query.isError) {
    return (
      <Card {...attributes('error')}>
        <ErrorState
          title={text.error}
          message={query.error.message}
          retryLabel={retry}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </Card>
    );
  }

  const subscription = query.data;
  if (!subscription) {
    return (
      <Card {...attributes('empty')}>
        <EmptyState
          icon={<LayersIcon width={20} height={20} />}
          title={text.freeTitle}
          description={text.freeDescription}
          action={
            <Action onClick={onUpgrade} href={pricingHref} part="upgrade" variant="primary">
              {text.viewPlans}
              <ArrowRightIcon />
            </Action>
          }
        />
      </Card>
    );
  }

  const resumable = canResume(subscription);
  const cancelable = canCancel(subscription);
  const status = subscription.cancel_at_period_end && subscription.status !== 'canceled' ? 'canceling' : subscription.status;
  const { price } = subscription;
  const interval = price.interval && formatInterval(price.interval, locale, labels.intervals);
  const quantity = subscription.quantity ?? 1;

  // When a canceled subscription was canceled and ended, from the server's facts: an
  // immediate cancel ends today, not at the end of the period it no longer runs to.
  const canceledAt = subscription.canceled_at ?? subscription.ended_at ?? subscription.current_period_end;
  const endedAt = subscription.ended_at ?? subscription.canceled_at ?? subscription.current_period_end;
  // The second fact beside the period: what happens next, and when.
  const next: [string, string] | null =
    subscription.status === 'canceled'
      ? [text.canceledOn, date(canceledAt)]
      : subscription.status === 'trialing'
        ? [text.trialEndsOn, date(subscription.trial_end ?? subscription.current_period_end)]
        : subscription.cancel_at_period_end
          ? [text.endsOn, date(subscription.current_period_end)]
          : subscription.status === 'active'
            ? [text.renewsOn, date(subscription.current_period_end)]
            : null;

  const notice =
    status === 'canceling' ? (
      <Notice tone="warning">
        {text.cancelingNotice(date(subscription.current_period_end))}
      </Notice>
    ) : status === 'past_due' ? (
      <Notice tone="danger">
        {subscription.latest_invoice
          ? text.pastDueRetryNotice(
              formatMoney(subscription.latest_invoice.amount_due, subscription.latest_invoice.currency, locale),
              subscription.latest_invoice.next_payment_attempt ? date(subscription.latest_invoice.next_payment_attempt) : null,
            )
          : text.pastDueNotice}
      </Notice>
    ) : status === 'incomplete' ? (
      <Notice tone="warning">{text.incompleteNotice}</Notice>
    ) : status === 'paused' ? (
      <Notice tone="info">{text.pausedNotice}</Notice>
    ) : status === 'trialing' ? (
      <Notice tone="info">
        {subscription.upcoming_invoice
          ? text.trialCountdownNotice(
              subscription.upcoming_invoice.days_until,
              date(subscription.upcoming_invoice.date),
              formatMoney(subscription.upcoming_invoice.amount_due, subscription.upcoming_invoice.currency, locale),
            )
          : text.trialNotice(date(subscription.trial_end ?? subscription.current_period_end))}
      </Notice>
    ) : status === 'canceled' ? (
      <Notice tone="info">{text.canceledNotice(date(endedAt))}</Notice>
    ) : null;

  const updatePayment = needsPayment(subscription) && (
    <Action onClick={onUpdatePayment} href={updatePaymentHref} part="update-payment" variant="primary">
      {text.updatePayment}
    </Action>
  );
  const viewPlans = subscription.status === 'canceled' && (
    <Action onClick={onUpgrade} href={pricingHref} part="upgrade" variant="primary">
      {text.viewPlans}
      <ArrowRightIcon />
    </Action>
  );

  return (
    <Card {...attributes('ready', subscription)}>
      <CardHeader className="bk:flex-row bk:items-center bk:justify-between bk:gap-3">
        <CardTitle className="bk:text-sm! bk:font-medium! bk:text-billkit-muted-foreground!">{text.title}</CardTitle>
        <Badge tone={subscriptionStatusTone[status]} dot data-billkit-part="status">
          {statusNames[status]}
        </Badge>
      </CardHeader>
      <CardContent className="bk:flex bk:flex-col bk:gap-5">
        <div className="bk:flex bk:flex-wrap bk:items-baseline bk:justify-between bk:gap-x-4 bk:gap-y-1">
          <p data-billkit-part="plan" className="bk:text-2xl bk:font-semibold bk:tracking-[-0.02em]">
            {subscription.plan.name}
          </p>
          <p data-billkit-part="price" data-interval={price.interval ?? undefined} className="bk:text-sm bk:text-billkit-muted-foreground">
            <span className="bk:text-base bk:font-semibold bk:text-billkit-foreground bk:tabular-nums">
              {formatMoney(price.amount, price.currency, locale)}
            </span>{' '}
            {interval && text.perInterval(interval)}
          </p>
          {price.model === 'per_unit' && (
            <p data-billkit-part="quantity" className="bk:basis-full bk:text-sm bk:text-billkit-muted-foreground">
              {formatUnits(quantity, price.unit_label, locale, text.units)}
              {interval && ` · ${text.totalPerInterval(formatMoney(price.amount * quantity, price.currency, locale), interval)}`}
            </p>
          )}
        </div>
        <dl className="bk:grid bk:grid-cols-1 bk:gap-4 bk:rounded-billkit-md bk:bg-billkit-muted/60 bk:p-4 bk:sm:grid-cols-2">
          <div className="bk:flex bk:flex-col bk:gap-0.5">
            <dt className="bk:text-xs bk:font-medium bk:text-billkit-muted-foreground">{text.currentPeriod}</dt>
            <dd data-billkit-part="period" className="bk:text-sm bk:font-medium">
              {period(date(subscription.current_period_start), date(subscription.current_period_end))}
            </dd>
          </div>
          {next && (
            <div className="bk:flex bk:flex-col bk:gap-0.5">
              <dt className="bk:text-xs bk:font-medium bk:text-billkit-muted-foreground">{next[0]}</dt>
              <dd data-billkit-part="next-date" className="bk:text-sm bk:font-medium">
                {next[1]}
              </dd>
            </div>
          )}
        </dl>
        {notice}
        {PaymentDetails && subscription.status !== 'canceled' && (
          <PaymentDetails subscription={subscription} recovery={!onUpdatePayment && !updatePaymentHref} />
        )}
        {resume.isError && (
          <Notice tone="danger" role="alert">
            {resume.error.message}
          </Notice>
        )}
      </CardContent>
      {(resumable || cancelable || updatePayment || viewPlans) && (
        <CardFooter id={actionsId} data-billkit-part="actions" className="bk:justify-end">
          {SeatChange && <SeatChange subscription={subscription} />}
          {cancelable && <CancelDialog subscription={subscription} onCanceled={afterAction} />}
          {viewPlans}
          {updatePayment}
          {resumable && (
            <Button pending={resume.isPending} onClick={() => resume.mutate(undefined, { onSuccess: afterAction })} data-billkit-part="resume">
              {resume.isPending ? text.resuming : text.resume}
            </Button>
          )}
        </CardFooter>
      )}
    </Card>
  );
}
