import type { ComponentType } from 'react';
import type { BillingError } from '../client/BillingError';
import type { PaymentPhase } from './paymentPhase';

/**
 * The subset of Stripe Elements' `Appearance` that Billkit produces (see `stripeAppearance`).
 * Declared here, structurally, so `billkit` needs no `@stripe/*` types: it is assignable to
 * Stripe's own `Appearance`.
 */
export interface StripeAppearance {
  theme?: 'stripe' | 'night' | 'flat';
  variables?: {
    colorPrimary?: string;
    colorBackground?: string;
    colorText?: string;
    colorTextSecondary?: string;
    colorTextPlaceholder?: string;
    colorDanger?: string;
    colorSuccess?: string;
    colorIcon?: string;
    fontFamily?: string;
    borderRadius?: string;
    spacingUnit?: string;
  };
  rules?: Record<string, Record<string, string>>;
}

/** What `<CheckoutForm/>` (and `<PaymentMethodForm/>`, with a SetupIntent) hands the Stripe payment form of a `billkit/stripe` integration. */
export interface StripePaymentFormProps {
  /** The session's publishable key: Stripe.js is loaded for it unless the app gave an instance. */
  publishableKey: string | undefined;
  /** A PaymentIntent's (`pi_…_secret_…`) or, for a trial, a SetupIntent's (`seti_…`) client secret. */
  clientSecret: string;
  /**
   * Where the form's theme is read (`stripeAppearance(themeElement)` maps the computed
   * `--billkit-*` tokens onto Stripe's appearance); computed on the Stripe side, so apps
   * without Stripe do not carry the mapping.
   */
  themeElement: Element | null;
  /** Where Stripe sends the user back after a redirect-based payment method. */
  returnUrl: string;
  submitLabel: string;
  /** The button's text while confirming; defaults to the checkout's "Paying…" (a card form passes its own). */
  pendingLabel?: string;
  phase: PaymentPhase;
  onPhase: (phase: PaymentPhase) => void;
  /** The intent is confirmed; the subscription arrives through the proxy's Stripe webhook. */
  onConfirmed: () => void;
  onFailed: (error: BillingError) => void;
  error: BillingError | null;
}

/**
 * The Stripe opt-in: made by `stripeIntegration()` from `billkit/stripe` and handed to
 * `<BillingProvider stripe={…}>` or `<CheckoutForm stripe={…}>`. Opaque to apps; it
 * carries the (lazily loaded) Stripe payment form, so `billkit` itself never imports
 * `@stripe/*` and apps without the Stripe packages build.
 */
export interface StripeIntegration {
  /** Tells an integration apart from anything else passed by mistake (e.g. a Stripe.js instance). */
  readonly kind: 'billkit.stripe';
  /** The Stripe path's payment form; loads `@stripe/*` on first render (wrap it in `<Suspense>`). */
  readonly PaymentForm: ComponentType<StripePaymentFormProps>;
}

/** Whether `value` is a `billkit/stripe` integration (and not, say, a raw Stripe.js instance). */
export function isStripeIntegration(value: unknown): value is StripeIntegration {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'billkit.stripe';
}

/** The error `<CheckoutForm/>` shows for a Stripe session without the opt-in: it says what to pass. */
export const STRIPE_NOT_CONFIGURED_MESSAGE =
  "This checkout runs on Stripe: install @stripe/stripe-js and @stripe/react-stripe-js, then pass stripe={stripeIntegration()} from 'billkit/stripe' to <BillingProvider> or <CheckoutForm>.";
