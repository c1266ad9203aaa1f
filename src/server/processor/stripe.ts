import { parseSubjectKey } from '../subjectKey';
import Stripe from 'stripe';
import { callStripe } from './callStripe';
import { stripeCustomerId } from './stripeCustomer';
import { stripePaymentMethods, type StripePaymentMethods } from './stripePaymentMethods';
import type { PromotionCodeRecord, PriceRecord, PlanRecord } from '../store/records';
import { stripePlanChanges } from './stripePlanChange';
import { stripeMeters } from './stripeMeters';
import { stripeSubscriptionState } from './stripeSubscriptionState';
import type {
  PaymentProcessor,
  PaymentResult,
  ProcessorCheckout,
  ProcessorCheckoutInput,
  ProcessorSubscriptionRef,
  ProcessorSubscriptionState,
} from './types';

/** Options of {@link createStripeProcessor}. */
export interface StripeProcessorOptions {
  /** `sk_live_…` / `sk_test_…` (or a restricted key): `--stripe-secret-key` [STRIPE_SECRET_KEY]. */
  secretKey: string;
  /** `pk_…`, handed to the browser for the PaymentElement: `--stripe-publishable-key` [STRIPE_PUBLISHABLE_KEY]. */
  publishableKey?: string;
  /** `whsec_…`, verifies `POST /webhooks/stripe`: `--stripe-webhook-secret` [STRIPE_WEBHOOK_SECRET]. */
  webhookSecret?: string;
  /**
   * Usage sent to Stripe Billing Meters: Billkit metric → the meter's `event_name`
   * (`--stripe-meter api_calls=api_calls`). Usage of a metric not named here stays in the proxy.
   */
  meters?: Readonly<Record<string, string>>;
  /**
   * Extra `stripe` client settings; `{ host, port, protocol }` point it at a local
   * server that answers like Stripe's API (tests).
   */
  config?: Stripe.StripeConfig;
}

/** The Stripe implementation of the proxy's payment processor (card setups: stripePaymentMethods.ts; plan changes and invoice payment: stripePlanChange.ts). */
export interface StripeProcessor extends Omit<PaymentProcessor, keyof StripePaymentMethods>, StripePaymentMethods {
  readonly name: 'stripe';
  /** The `stripe` API client (for the webhook route). */
  readonly stripe: Stripe;
  readonly publishableKey: string | undefined;
  readonly webhookSecret: string | undefined;
  createCheckout(input: ProcessorCheckoutInput): Promise<ProcessorCheckout>;
  cancelSubscription(ref: ProcessorSubscriptionRef, options: { atPeriodEnd: boolean }): Promise<ProcessorSubscriptionState>;
  resumeSubscription(ref: ProcessorSubscriptionRef, options: { paused: boolean }): Promise<ProcessorSubscriptionState>;
  previewPlanChange: NonNullable<PaymentProcessor['previewPlanChange']>;
  changePlanNow: NonNullable<PaymentProcessor['changePlanNow']>;
  schedulePlanChange: NonNullable<PaymentProcessor['schedulePlanChange']>;
  cancelScheduledPlanChange: NonNullable<PaymentProcessor['cancelScheduledPlanChange']>;
  payInvoice: NonNullable<PaymentProcessor['payInvoice']>;
  meteredMetrics: NonNullable<PaymentProcessor['meteredMetrics']>;
  sendUsage: NonNullable<PaymentProcessor['sendUsage']>;
  retrievePayment: NonNullable<PaymentProcessor['retrievePayment']>;
}

/** Metadata on every Stripe object Billkit creates, so webhooks find their way back. */
export interface BillkitStripeMetadata {
  [key: string]: string;
  billkit_checkout: string;
  billkit_subject: string;
  billkit_price: string;
}

const cardsUnsupported: PaymentResult = {
  status: 'failed',
  code: 'processor_unsupported',
  message: 'Card details go to Stripe directly (Checkout or the PaymentElement), never through the proxy.',
};

/**
 * Billkit's payments on Stripe, with the `stripe` package. A checkout becomes, in
 * hosted mode, a Stripe Checkout Session (`mode: subscription`; its `url` replaces the
 * proxy's page) and, in embedded mode, an incomplete Stripe Subscription whose first
 * invoice's PaymentIntent (or, during a trial, its SetupIntent) the browser confirms with
 * the PaymentElement. Billkit prices become Stripe prices found by `lookup_key` (the
 * Billkit price id), created on first use; promotion codes become coupons
 * `billkit_<CODE>`. Completion reaches the store through `POST /webhooks/stripe`.
 *
 * @example
 * createProxyApp({ store, auth, signingSecret, processor: createStripeProcessor({
 *   secretKey: process.env.STRIPE_SECRET_KEY!, publishableKey: process.env.STRIPE_PUBLISHABLE_KEY,
 *   webhookSecret: process.env.STRIPE_WEBHOOK_SECRET,
 * }) });
 */
export function createStripeProcessor(options: StripeProcessorOptions): StripeProcessor {
  const stripe = new Stripe(options.secretKey, { maxNetworkRetries: 2, ...options.config });
  const prices = new Map<string, Promise<string>>();

  /** The Stripe price of a Billkit price: found by lookup key, else created (once per process). */
  const stripePriceId = (price: PriceRecord, plan: PlanRecord): Promise<string> => {
    let id = prices.get(price.id);
    if (!id) {
      id = (async () => {
        const found = await stripe.prices.list({ lookup_keys: [price.id], active: true, limit: 1 });
        if (found.data[0]) return found.data[0].id;
        const created = await stripe.prices.create(
          {
            lookup_key: price.id,
            currency: price.currency,
            unit_amount: price.amount,
            ...(price.interval ? { recurring: { interval: price.interval } } : {}),
            product_data: { name: plan.name, metadata: { billkit_plan: plan.id } },
            metadata: { billkit_price: price.id },
          },
          { idempotencyKey: `billkit-price-${price.id}-${price.amount}-${price.currency}` },
        );
        return created.id;
      })();
      // A failed look-up is retried on the next checkout instead of being cached.
      id.catch(() => prices.delete(price.id));
      prices.set(price.id, id);
    }
    return id;
  };

  /** The coupon mirroring a Billkit promotion code: `billkit_<CODE>`, created on first use. */
  const couponId = async (promo: PromotionCodeRecord): Promise<string> => {
    const id = `billkit_${promo.code}`;
    try {
      return (await stripe.coupons.retrieve(id)).id;
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeError) || error.code !== 'resource_missing') throw error;
    }
    const created = await stripe.coupons.create(
      {
        id,
        name: promo.code,
        duration: promo.duration,
        ...(promo.duration === 'repeating' && promo.duration_in_months ? { duration_in_months: promo.duration_in_months } : {}),
        ...(promo.percent_off !== null
          ? { percent_off: promo.percent_off }
          : { amount_off: promo.amount_off ?? 0, currency: promo.currency ?? 'usd' }),
      },
      { idempotencyKey: `billkit-coupon-${promo.code}` },
    );
    return created.id;
  };

  /** One Stripe customer per Billkit subject (shared with card setups). */
  const customerId = (input: ProcessorCheckoutInput): Promise<string> => stripeCustomerId(stripe, input.customers, input.subject);

  return {
    name: 'stripe',
    stripe,
    publishableKey: options.publishableKey,
    webhookSecret: options.webhookSecret,
    ...stripePaymentMethods(stripe, { publishableKey: options.publishableKey }),
    ...stripePlanChanges({ stripe, stripePriceId, call: callStripe }),
    ...stripeMeters(stripe, options.meters ?? {}),

    createCheckout: (input) =>
      callStripe({ refused: 'Stripe refused the checkout', unreachable: 'Stripe could not be reached for the checkout' }, () =>
        createStripeCheckout(input),
      ),

    // At period end: Stripe keeps billing until the period ends, then cancels; at once: ends now.
    cancelSubscription: ({ processorRef }, { atPeriodEnd }) =>
      callStripe(
        { refused: 'Stripe refused to cancel the subscription', unreachable: 'Stripe could not be reached to cancel the subscription' },
        async () =>
          stripeSubscriptionState(
            atPeriodEnd
              ? await stripe.subscriptions.update(processorRef, { cancel_at_period_end: true })
              : await cancelNow(processorRef),
          ),
      ),

    // Billkit's `paused` is Stripe's status `paused` (see stripeSubscriptionState), which
    // only POST /v1/subscriptions/:id/resume ends; `pause_collection` leaves a Stripe
    // subscription `active`, so Billkit never shows it as paused.
    resumeSubscription: ({ processorRef }, { paused }) =>
      callStripe(
        { refused: 'Stripe refused to resume the subscription', unreachable: 'Stripe could not be reached to resume the subscription' },
        async () =>
          stripeSubscriptionState(
            paused
              ? await stripe.subscriptions.resume(processorRef)
              : await stripe.subscriptions.update(processorRef, { cancel_at_period_end: false }),
          ),
      ),

    async confirmPayment() {
      return cardsUnsupported;
    },
    async authenticatePayment() {
      return cardsUnsupported;
    },
  };

  /**
   * `DELETE /v1/subscriptions/:id`. Stripe refuses to cancel a subscription that has
   * already ended; that answer counts as done (a retried plan-switch job, or a
   * cancellation made in Stripe's Dashboard whose webhook has not arrived yet).
   */
  async function cancelNow(processorRef: string): Promise<Stripe.Subscription> {
    try {
      return await stripe.subscriptions.cancel(processorRef);
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
      const current = await stripe.subscriptions.retrieve(processorRef).catch(() => null);
      if (current && (current.status === 'canceled' || current.status === 'incomplete_expired')) return current;
      throw error;
    }
  }

  async function createStripeCheckout(input: ProcessorCheckoutInput): Promise<ProcessorCheckout> {
    const metadata: BillkitStripeMetadata = {
      billkit_checkout: input.checkoutId,
      billkit_subject: parseSubjectKey(input.subject).id,
      billkit_price: input.price.id,
    };
    const [price, coupon, customer] = await Promise.all([
      stripePriceId(input.price, input.plan),
      input.promotion ? couponId(input.promotion) : null,
      customerId(input),
    ]);
    const discounts = coupon ? [{ coupon }] : undefined;
    // The checkout row id makes a retried creation return the same Stripe object.
    const idempotencyKey = `billkit-checkout-${input.checkoutId}`;

    if (input.uiMode === 'hosted') {
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'subscription',
          customer,
          client_reference_id: input.checkoutId,
          line_items: [{ price, quantity: input.quantity }],
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
          metadata,
          subscription_data: {
            metadata,
            ...(input.trialDays ? { trial_period_days: input.trialDays } : {}),
          },
          ...(discounts ? { discounts } : {}),
        },
        { idempotencyKey },
      );
      if (!session.url) throw new Error('Stripe returned a Checkout Session without a url.');
      return { checkoutUrl: session.url, processorId: session.id };
    }

    const subscription = await stripe.subscriptions.create(
      {
        customer,
        items: [{ price, quantity: input.quantity }],
        payment_behavior: 'default_incomplete',
        payment_settings: { save_default_payment_method: 'on_subscription' },
        metadata,
        ...(input.trialDays ? { trial_period_days: input.trialDays } : {}),
        ...(discounts ? { discounts } : {}),
        expand: ['latest_invoice.confirmation_secret', 'pending_setup_intent'],
      },
      { idempotencyKey },
    );
    const invoice = subscription.latest_invoice;
    const setupIntent = subscription.pending_setup_intent;
    const clientSecret =
      (typeof invoice === 'object' && invoice?.confirmation_secret?.client_secret) ||
      (typeof setupIntent === 'object' && setupIntent?.client_secret) ||
      null;
    if (!clientSecret) throw new Error('Stripe returned a subscription without a payment or setup intent to confirm.');
    return {
      clientSecret,
      ...(options.publishableKey ? { publishableKey: options.publishableKey } : {}),
      processorId: subscription.id,
    };
  }
}
