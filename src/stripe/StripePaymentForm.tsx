'use client';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { Stripe } from '@stripe/stripe-js';
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { BillingError } from '../client/BillingError';
import type { StripePaymentFormProps as FormProps } from '../react/stripeIntegration';
import { Button } from '../components/ui/Button';
import { PaymentError } from '../components/CheckoutForm/PaymentError';
import { stripeAppearance } from '../components/CheckoutForm/stripeAppearance';
import { loadStripeOnce } from './loadStripeOnce';
import { useLabels } from '../react/useLabels';
import { defaultCheckoutLabels } from '../components/CheckoutForm/checkoutLabels';

/** Props of {@link StripePaymentForm}: what `<CheckoutForm/>` passes, plus the app's Stripe.js instance. */
export interface StripePaymentFormProps extends FormProps {
  /** The app's own Stripe.js instance (or a promise of one); otherwise loaded for `publishableKey`. */
  stripe?: Stripe | PromiseLike<Stripe | null> | null | undefined;
}

/**
 * The Stripe path of `<CheckoutForm/>` and `<PaymentMethodForm/>`: Stripe's PaymentElement
 * inside `<Elements>`, confirmed with `stripe.confirmPayment` (or `confirmSetup` for a
 * SetupIntent: a trial that leaves nothing to pay now, or a card saved for later). Only `billkit/stripe` reaches this module, and only through a dynamic
 * `import()`, so apps that never render a Stripe checkout do not download `@stripe/*`.
 */
export default function StripePaymentForm({ stripe: given, publishableKey, clientSecret, themeElement, ...rest }: StripePaymentFormProps): ReactNode {
  // Elements takes its `stripe` once: resolve it once per form.
  const stripe = useMemo(
    () => given ?? (publishableKey ? loadStripeOnce(publishableKey) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  return (
    <Elements stripe={stripe} options={{ clientSecret, appearance: themeElement ? stripeAppearance(themeElement) : {} }}>
      <StripeConfirmForm clientSecret={clientSecret} {...rest} />
    </Elements>
  );
}

function StripeConfirmForm(
  props: Omit<StripePaymentFormProps, 'stripe' | 'themeElement' | 'publishableKey'>,
): ReactNode {
  const { clientSecret, returnUrl, submitLabel, pendingLabel, phase, onPhase, onConfirmed, onFailed, error } = props;
  const stripe = useStripe();
  const elements = useElements();
  const text = useLabels('checkout', defaultCheckoutLabels);
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
          message: result.error.message ?? text.sessionFailed,
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
        {phase === 'paying' ? (pendingLabel ?? text.paying) : submitLabel}
      </Button>
    </form>
  );
}
