import type { StripeIntegration } from 'billkit';

/**
 * This app's Stripe opt-in: none, so it builds without the Stripe packages and pays on the
 * proxy's test processor. To pay through Stripe, `npm i @stripe/stripe-js @stripe/react-stripe-js`
 * and replace this file with:
 *
 *   import { stripeIntegration } from 'billkit/stripe';
 *   export const stripe = stripeIntegration();
 *
 * (Stripe's code still loads only when a Stripe checkout form mounts.)
 */
export const stripe: StripeIntegration | undefined = undefined;
