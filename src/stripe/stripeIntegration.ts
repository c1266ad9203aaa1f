'use client';
import { createElement, lazy, type ReactNode } from 'react';
import type { Stripe } from '@stripe/stripe-js';
import type { StripeIntegration, StripePaymentFormProps } from '../react/stripeIntegration';

// The one place that reaches the @stripe packages: a chunk of its own, fetched when a Stripe form first renders.
const StripePaymentForm = lazy(() => import('./StripePaymentForm'));

/** Options of {@link stripeIntegration}. */
export interface StripeIntegrationOptions {
  /**
   * A Stripe.js instance (or a promise of one) the app already has. Without it, Stripe.js
   * is loaded lazily, once per publishable key, for the key the proxy's session names.
   */
  stripe?: Stripe | PromiseLike<Stripe | null> | null;
}

/**
 * Opts an app into `<CheckoutForm/>`'s Stripe path. Needs `@stripe/stripe-js` and
 * `@stripe/react-stripe-js` installed; hand the result to `<BillingProvider stripe={…}>`
 * (every form below it) or to one `<CheckoutForm stripe={…}>`. Call it once, at module
 * level: the Stripe code itself still loads only when a Stripe form mounts.
 *
 * @example
 * import { stripeIntegration } from 'billkit/stripe';
 * const stripe = stripeIntegration();
 * <BillingProvider baseUrl="/api/proxy/billing" getToken={getToken} stripe={stripe}>…</BillingProvider>
 */
export function stripeIntegration(options: StripeIntegrationOptions = {}): StripeIntegration {
  const { stripe } = options;
  function BillkitStripePaymentForm(props: StripePaymentFormProps): ReactNode {
    return createElement(StripePaymentForm, { ...props, stripe });
  }
  return { kind: 'billkit.stripe', PaymentForm: BillkitStripePaymentForm };
}
