import { useState, type FormEvent, type ReactNode } from 'react';
import type { Appearance, Stripe } from '@stripe/stripe-js';
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { BillingError } from '../../client/BillingError';
import { useBillingContext } from '../../react/useBillingContext';
import { Button } from '../ui/Button';
import { PaymentError } from './PaymentError';
import type { PaymentPhase } from '../../react/paymentPhase';

/** Props of {@link StripePaymentForm}. */
export interface StripePaymentFormProps {
  stripe: Stripe | PromiseLike<Stripe | null> | null;
  /** A PaymentIntent's (`pi_…_secret_…`) or, for a trial, a SetupIntent's (`seti_…`) client secret. */
  clientSecret: string;
  appearance: Appearance;
  /** Where Stripe sends the user back after a redirect-based payment method. */
  returnUrl: string;
  submitLabel: string;
  phase: PaymentPhase;
  onPhase: (phase: PaymentPhase) => void;
  /** The intent is confirmed; the subscription arrives through the proxy's Stripe webhook. */
  onConfirmed: () => void;
  onFailed: (error: BillingError) => void;
  error: BillingError | null;
}

/**
 * The Stripe path of `<CheckoutForm/>`: Stripe's PaymentElement inside `<Elements>`,
 * confirmed with `stripe.confirmPayment` (or `confirmSetup` when a trial leaves nothing
 * to pay now). This module is only ever loaded through a dynamic `import()`, so apps
 * that never render a Stripe checkout do not download `@stripe/*`.
 */
export default function StripePaymentForm({ stripe, clientSecret, appearance, ...rest }: StripePaymentFormProps): ReactNode {
  return (
    <Elements stripe={stripe} options={{ clientSecret, appearance }}>
      <StripeConfirmForm clientSecret={clientSecret} {...rest} />
    </Elements>
  );
}

function StripeConfirmForm(
  props: Omit<StripePaymentFormProps, 'stripe' | 'appearance'>,
): ReactNode {
  const { clientSecret, returnUrl, submitLabel, phase, onPhase, onConfirmed, onFailed, error } = props;
  const stripe = useStripe();
  const elements = useElements();
  const { labels } = useBillingContext();
  const [inFlight, setInFlight] = useState(false);
  const busy = inFlight || phase === 'paying' || phase === 'succeeded';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!stripe || !elements || busy) return;
    setInFlight(true);
    onPhase('paying');
    const options = { elements, confirmParams: { return_url: returnUrl }, redirect: 'if_required' as const };
    const result = clientSecret.startsWith('seti_')
      ? await stripe.confirmSetup(options)
      : await stripe.confirmPayment(options);
    setInFlight(false);
    if (result.error) {
      onFailed(
        new BillingError({
          status: 402,
          code: result.error.decline_code ?? result.error.code ?? result.error.type,
          message: result.error.message ?? labels.checkout.sessionFailed,
        }),
      );
    } else {
      onConfirmed();
    }
  };

  return (
    <form noValidate onSubmit={submit} data-billkit-part="stripe-form" className="bk:flex bk:flex-col bk:gap-4">
      <PaymentElement options={{ layout: 'tabs' }} />
      {error && <PaymentError error={error} />}
      <Button type="submit" size="lg" fullWidth pending={phase === 'paying'} disabled={!stripe || !elements || busy} data-billkit-part="submit">
        {phase === 'paying' ? labels.checkout.paying : submitLabel}
      </Button>
    </form>
  );
}
