'use client';
import { Suspense, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { BillingError } from '../../client/BillingError';
import { formatMoney } from '../../contract/formatMoney';
import type { Subscription } from '../../contract/types';
import { isStripeIntegration, STRIPE_NOT_CONFIGURED_MESSAGE, type StripeIntegration } from '../../react/stripeIntegration';
import { useBillingContext } from '../../react/useBillingContext';
import { Card } from '../ui/Card';
import { cx } from '../ui/cx';
import { ErrorState } from '../ui/ErrorState';
import { Skeleton } from '../ui/Skeleton';
import { CheckoutSucceeded } from './CheckoutSucceeded';
import { CheckoutSummary } from './CheckoutSummary';
import { PromotionCodeField } from './PromotionCodeField';
import { TestPaymentForm } from './TestPaymentForm';
import { useEmbeddedCheckout } from '../../react/useEmbeddedCheckout';
import { usePayment } from '../../react/usePayment';
import { useLabels } from '../../react/useLabels';
import { defaultCheckoutLabels } from './checkoutLabels';
import { defaultCommonLabels } from '../ui/commonLabels';

/** Props of {@link CheckoutForm}. */
export interface CheckoutFormProps {
  /** The price to subscribe to, e.g. `price_pro_monthly`. */
  priceId: string;
  /**
   * Where to go once paid (`{CHECKOUT_SESSION_ID}` is replaced by the session id, as on
   * the hosted page). Without it the form stays on the page and shows its success state.
   */
  successUrl?: string;
  /** Where the session's cancel link points; defaults to this page. */
  cancelUrl?: string;
  /** Called once the subscription exists, with the new subscription. */
  onSuccess?: (subscription: Subscription) => void;
  /** Called with every error the form shows: session creation, declines, authentication. */
  onError?: (error: BillingError) => void;
  /** A promotion code to start with (the user can still change it). */
  promotionCode?: string;
  /** Starts a trial of this many days (the plan must allow trials). */
  trialDays?: number;
  /**
   * Seats (units) to buy of a `per_unit` price, within its `min_quantity`..`max_quantity`;
   * defaults to its `min_quantity`. The summary shows the count, the unit price and the total.
   */
  quantity?: number;
  className?: string;
  /**
   * The Stripe opt-in for this form: `stripeIntegration()` from `billkit/stripe` (or
   * `stripeIntegration({ stripe })` with an app's own Stripe.js instance). Defaults to the
   * provider's `stripe`. Without either, a Stripe session shows an error saying what to pass.
   */
  stripe?: StripeIntegration;
}

/**
 * An embedded checkout for one price: the order summary (plan, price, interval,
 * promotion, trial, total due today), a promotion code field, and the payment form of
 * the proxy's processor — Billkit's own card fields on the built-in test processor, or
 * Stripe's PaymentElement (loaded lazily) on Stripe. States are in `data-state`:
 * `loading`, `idle`, `paying`, `requires_action`, `succeeded`, `error`.
 *
 * @example
 * <CheckoutForm priceId="price_pro_monthly" onSuccess={(sub) => navigate('/billing')} />
 */
export function CheckoutForm(props: CheckoutFormProps): ReactNode {
  const { priceId, successUrl, cancelUrl, onSuccess, onError, promotionCode, trialDays, quantity, className } = props;
  const { locale, stripe: providerStripe } = useBillingContext();
  const text = useLabels('checkout', defaultCheckoutLabels);
  const retry = useLabels('retry', defaultCommonLabels.retry);
  const loading = useLabels('loading', defaultCommonLabels.loading);
  const checkout = useEmbeddedCheckout({ priceId, promotionCode, trialDays, quantity, successUrl, cancelUrl });
  const { session, summary } = checkout;
  const payment = usePayment({ session, successUrl, onSuccess, onError });
  const { phase, error: paymentError, subscription, succeed, fail, setPhase: onPhase } = payment;
  const root = useRef<HTMLDivElement>(null);

  const isStripe = session?.processor === 'stripe';
  const stripe = [props.stripe, providerStripe].find(isStripeIntegration);
  // A Stripe session without the opt-in: say what to pass rather than fail to build or load.
  const notConfigured = useMemo(
    () => (isStripe && !stripe ? new BillingError({ status: 0, code: 'stripe_not_configured', message: STRIPE_NOT_CONFIGURED_MESSAGE }) : null),
    [isStripe, stripe],
  );
  const sessionError = checkout.error ?? notConfigured;

  // Report a failed session once per error, not per render.
  useEffect(() => {
    if (sessionError) onError?.(sessionError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sessionError]);


  const state = sessionError ? 'error' : checkout.isLoading || !summary ? 'loading' : phase;
  const submitLabel = summary
    ? summary.amount_due_today === 0 && summary.trial_days
      ? text.startTrial
      : text.pay(formatMoney(summary.amount_due_today, summary.currency, locale))
    : '';
  const returnUrl = typeof window === 'undefined' ? '' : window.location.href;

  let body: ReactNode;
  if (sessionError) {
    body = (
      <ErrorState
        title={text.sessionFailed}
        message={sessionError.message}
        {...(checkout.error && { retryLabel: retry, onRetry: checkout.retry })}
      />
    );
  } else if (!summary || !session) {
    body = (
      <div aria-busy="true" aria-label={loading} role="status" className="bk:flex bk:flex-col bk:gap-4">
        <Skeleton className="bk:h-6 bk:w-32" />
        <Skeleton className="bk:h-4 bk:w-44" />
        <Skeleton className="bk:h-20 bk:w-full" />
        <Skeleton className="bk:h-40 bk:w-full" />
        <Skeleton className="bk:h-11 bk:w-full" />
      </div>
    );
  } else if (phase === 'succeeded') {
    body = (
      <CheckoutSucceeded
        title={text.succeededTitle}
        description={text.succeededDescription(subscription?.plan.name ?? summary.plan.name)}
      />
    );
  } else {
    const busy = phase === 'paying' || phase === 'requires_action';
    body = (
      <div className="bk:flex bk:flex-col bk:gap-6">
        <CheckoutSummary summary={summary} />
        <PromotionCodeField applied={checkout.promotionCode} onApply={checkout.applyPromotionCode} disabled={busy} />
        <div className="bk:border-t bk:border-billkit-border bk:pt-6">
          {isStripe && stripe ? (
            <Suspense fallback={<p role="status" className="bk:m-0 bk:text-sm bk:text-billkit-muted-foreground">{text.loadingPaymentForm}</p>}>
              <stripe.PaymentForm
                // A new session (promotion applied) is a new intent: Elements takes its secret once.
                key={session.session_id}
                publishableKey={session.publishable_key}
                clientSecret={session.client_secret ?? ''}
                themeElement={root.current}
                returnUrl={returnUrl}
                submitLabel={submitLabel}
                phase={phase}
                onPhase={onPhase}
                onConfirmed={() => void payment.confirmedByProcessor()}
                onFailed={fail}
                error={paymentError}
              />
            </Suspense>
          ) : (
            <TestPaymentForm
              key={session.session_id}
              session={session}
              submitLabel={submitLabel}
              phase={phase}
              onPhase={onPhase}
              onSucceeded={succeed}
              onFailed={fail}
              error={paymentError}
            />
          )}
        </div>
      </div>
    );
  }

  return (
    <Card
      data-billkit-component="checkout-form"
      data-state={state}
      data-processor={session?.processor}
      aria-busy={state === 'loading' || state === 'paying' || undefined}
      className={cx('bk:w-full bk:max-w-md bk:p-6 bk:font-billkit', className)}
    >
      <div ref={root}>{body}</div>
    </Card>
  );
}
