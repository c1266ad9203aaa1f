/**
 * `billkit/stripe`: the explicit opt-in to `<CheckoutForm/>`'s Stripe path. It is the only
 * entry that imports `@stripe/*` (lazily), so apps that do not import it build and run
 * without the Stripe packages (test/client/entry-boundary.test.ts holds this).
 */
export { stripeIntegration, type StripeIntegrationOptions } from './stripeIntegration';
export type { StripeAppearance, StripeIntegration, StripePaymentFormProps } from '../react/stripeIntegration';
