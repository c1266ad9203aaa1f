'use client';
import { Suspense, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { BillingError } from '../../client/BillingError';
import type { PaymentMethod, PaymentMethodSetup } from '../../contract/types';
import type { PaymentPhase } from '../../react/paymentPhase';
import { isStripeIntegration, type StripeIntegration } from '../../react/stripeIntegration';
import { useBillingContext } from '../../react/useBillingContext';
import { usePaymentMethodSetup } from '../../react/usePaymentMethodSetup';
import { useSetupPaymentMethod, type SetupPaymentMethodResult } from '../../react/useSetupPaymentMethod';
import { AuthenticationDialog } from '../CheckoutForm/AuthenticationDialog';
import { CardFieldset, useCardFieldset } from '../CheckoutForm/CardFieldset';
import { PaymentError } from '../CheckoutForm/PaymentError';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import { ErrorState } from '../ui/ErrorState';
import { Skeleton } from '../ui/Skeleton';
import { defaultPaymentMethodLabels, type PaymentMethodLabels } from './paymentMethodLabels';
import { useLabels } from '../../react/useLabels';
import { defaultCheckoutLabels } from '../CheckoutForm/checkoutLabels';
import { defaultCommonLabels } from '../ui/commonLabels';

/** Props of {@link PaymentMethodForm}. */
export interface PaymentMethodFormProps {
  /** Called once the card is attached (and is the cached card on file). */
  onSaved?: (paymentMethod: PaymentMethod) => void;
  /** The submit button's text; default "Save card". */
  submitLabel?: string;
  /** Any of the strings, overridden. */
  labels?: Partial<PaymentMethodLabels>;
  className?: string;
  /**
   * The Stripe opt-in for this form: `stripeIntegration()` from `billkit/stripe`. Defaults
   * to the provider's `stripe`. Without either, a Stripe setup shows an error saying what to pass.
   */
  stripe?: StripeIntegration;
}

type Phase = 'idle' | 'saving' | 'requires_action' | 'saved' | 'error';

/** The error a Stripe setup shows without the `billkit/stripe` opt-in (code `stripe_not_configured`, as in `<CheckoutForm/>`). */
const STRIPE_NOT_CONFIGURED =
  "This card form runs on Stripe: install @stripe/stripe-js and @stripe/react-stripe-js, then pass stripe={stripeIntegration()} from 'billkit/stripe' to <BillingProvider> or <PaymentMethodForm>.";

// The Stripe form speaks in payment phases; this form's own names say what happens to a card.
const TO_PAYMENT: Record<Phase, PaymentPhase> = { idle: 'idle', saving: 'paying', requires_action: 'requires_action', saved: 'succeeded', error: 'error' };
const FROM_PAYMENT: Record<PaymentPhase, Phase> = { idle: 'idle', paying: 'saving', requires_action: 'requires_action', succeeded: 'saved', error: 'error' };

/**
 * A form that attaches a new card on file, on the proxy's processor: Billkit's card fields
 * with the 3-D Secure step on the built-in test processor (the same inputs and checks as
 * `<CheckoutForm/>`), or Stripe's PaymentElement on a SetupIntent (loaded lazily through
 * the `billkit/stripe` opt-in, confirmed with `confirmSetup`, then recorded by the proxy).
 * Usable alone (a "Payment method" settings page) and inside the plan change and recovery
 * dialogs. Root: `data-billkit-component="payment-method-form"`, `data-processor`,
 * `data-state` = `loading` | `idle` | `saving` | `requires_action` | `saved` | `error`.
 *
 * @example
 * <PaymentMethodForm onSaved={(card) => toast(`Saved ${card.brand} ${card.last4}`)} />
 */
export function PaymentMethodForm(props: PaymentMethodFormProps): ReactNode {
  const { onSaved, submitLabel, labels, className } = props;
  const context = useBillingContext();
  const text = { ...useLabels('paymentMethod', defaultPaymentMethodLabels), ...labels };
  const checkoutText = useLabels('checkout', defaultCheckoutLabels);
  const retry = useLabels('retry', defaultCommonLabels.retry);
  const started = usePaymentMethodSetup();
  const setup = useSetupPaymentMethod();
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<BillingError | null>(null);
  const pendingSetup = useRef<PaymentMethodSetup | null>(null);
  const inFlight = useRef(false);
  // State, not a ref: the Stripe form reads the theme from this element once it is in the page.
  const [themeElement, setThemeElement] = useState<HTMLDivElement | null>(null);
  const cardForm = useCardFieldset(error, checkoutText);
  const busy = phase === 'saving' || phase === 'requires_action';

  const stripe = [props.stripe, context.stripe].find(isStripeIntegration);
  const processor = started.setup?.processor;
  const notConfigured = useMemo(
    () => (processor === 'stripe' && !stripe ? new BillingError({ status: 0, code: 'stripe_not_configured', message: STRIPE_NOT_CONFIGURED }) : null),
    [processor, stripe],
  );

  const run = async (step: () => Promise<SetupPaymentMethodResult>) => {
    // A ref, not state: a second click in the same tick must see the first one.
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      const answer = await step();
      pendingSetup.current = answer.setup;
      if (answer.status === 'succeeded') {
        setPhase('saved');
        setError(null);
        onSaved?.(answer.payment_method);
      } else {
        setPhase('requires_action');
      }
    } catch (e) {
      setError(e as BillingError);
      setPhase('error');
    } finally {
      inFlight.current = false;
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A form inside a dialog inside the app's own form must not submit that one.
    event.stopPropagation();
    cardForm.submit();
    const card = cardForm.card;
    if (busy || !card) return;
    setPhase('saving');
    // The setup made on mount serves the first attempt; later ones start their own (a used or expired one would be refused).
    const first = started.setup?.processor === 'test' && !pendingSetup.current ? started.setup : undefined;
    void run(() => setup.mutateAsync(first ? { card, setup: first } : { card }));
  };

  const answerChallenge = (approve: boolean) => {
    const current = pendingSetup.current;
    if (!current) return;
    void run(() => setup.mutateAsync({ setup: current, approve }));
  };

  const rootProps = {
    'data-billkit-component': 'payment-method-form',
    'data-processor': processor,
    className: cx('bk:flex bk:flex-col bk:gap-4', className),
  };
  const saved = phase === 'saved' && (
    <p role="status" data-billkit-part="saved" className="bk:m-0 bk:text-sm bk:font-medium bk:text-billkit-success">
      {text.cardSaved}
    </p>
  );
  const setupError = started.error ?? notConfigured;

  if (setupError) {
    return (
      <div {...rootProps} data-state="error">
        <ErrorState
          title={text.setupFailed}
          message={setupError.message}
          {...(started.error && { retryLabel: retry, onRetry: started.renew })}
        />
      </div>
    );
  }

  // With the Stripe opt-in, wait for the setup rather than show card fields Stripe would replace.
  if (!started.setup && stripe) {
    return (
      <div {...rootProps} data-state="loading" aria-busy="true" role="status" aria-label={text.loadingCardForm}>
        <Skeleton className="bk:h-40 bk:w-full" />
        <Skeleton className="bk:h-11 bk:w-full" />
      </div>
    );
  }

  if (started.setup?.processor === 'stripe' && stripe) {
    const current = started.setup;
    return (
      <div {...rootProps} ref={setThemeElement} data-state={phase}>
        <Suspense fallback={<p role="status" className="bk:m-0 bk:text-sm bk:text-billkit-muted-foreground">{text.loadingCardForm}</p>}>
          <stripe.PaymentForm
            key={current.setup_id}
            publishableKey={current.publishable_key}
            clientSecret={current.client_secret}
            themeElement={themeElement}
            returnUrl={typeof window === 'undefined' ? '' : window.location.href}
            submitLabel={submitLabel ?? text.saveCard}
            pendingLabel={text.savingCard}
            phase={TO_PAYMENT[phase]}
            onPhase={(next) => setPhase(FROM_PAYMENT[next])}
            // Stripe.js confirmed the SetupIntent: the proxy records the card and makes it the default.
            onConfirmed={() => void run(() => setup.mutateAsync({ confirmed: true, setup: current }))}
            onFailed={(e) => {
              setError(e);
              setPhase('error');
            }}
            error={error}
          />
        </Suspense>
        {saved}
      </div>
    );
  }

  return (
    <form noValidate onSubmit={submit} {...rootProps} data-state={phase}>
      <CardFieldset state={cardForm} text={checkoutText} disabled={busy} />
      {cardForm.formError && <PaymentError error={cardForm.formError} />}
      {saved}
      <Button type="submit" size="lg" fullWidth pending={busy} disabled={busy} data-billkit-part="submit">
        {busy ? text.savingCard : (submitLabel ?? text.saveCard)}
      </Button>
      <p className="bk:m-0 bk:text-center bk:text-xs bk:text-billkit-muted-foreground">{checkoutText.testCardsHint}</p>
      <AuthenticationDialog open={phase === 'requires_action'} pending={setup.isPending} onAnswer={answerChallenge} />
    </form>
  );
}
