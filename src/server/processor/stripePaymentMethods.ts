import type Stripe from 'stripe';
import { parseSubjectKey, subjectKey } from '../subjectKey';
import { callStripe } from './callStripe';
import type { BrowserCardSetups, ProcessorSetup } from './ProcessorSetups';
import { stripeCustomerId } from './stripeCustomer';

/** The card setup methods of the Stripe processor (see {@link stripePaymentMethods}). */
export type StripePaymentMethods = BrowserCardSetups;

const SETUP_STATUSES: readonly ProcessorSetup['status'][] = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'processing',
  'canceled',
  'succeeded',
];
/**
 * Whether an id read from a Stripe object is one Billkit could have written: a non-empty
 * string without control characters or unpaired surrogates (the store refuses those, and
 * Billkit never makes such ids), at most 255 characters.
 */
// eslint-disable-next-line no-control-regex
export const plainId = (value: unknown): value is string => typeof value === 'string' && /^(?:[^\u0000-\u001f\u007f-\u009f\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff]){1,255}$/.test(value);

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : (value?.id ?? null));

/** A Stripe SetupIntent in Billkit's terms; its subject comes from the metadata Billkit put on it. */
export function toProcessorSetup(intent: Stripe.SetupIntent): ProcessorSetup {
  const metadata: Partial<Record<string, unknown>> = typeof intent.metadata === 'object' && intent.metadata !== null ? intent.metadata : {};
  const { billkit_subject: id, billkit_subject_kind: kind } = metadata;
  const error = typeof intent.last_setup_error === 'object' ? intent.last_setup_error : null;
  return {
    id: intent.id,
    clientSecret: intent.client_secret ?? '',
    // A status newer than this code is treated as not (yet) attached.
    status: SETUP_STATUSES.includes(intent.status as ProcessorSetup['status']) ? (intent.status as ProcessorSetup['status']) : 'processing',
    // Metadata Billkit did not write (or that is not an id at all) names no subject: the setup is not Billkit's.
    subject: plainId(id) && (kind === 'user' || kind === 'org') ? subjectKey(kind, id) : null,
    paymentMethod: idOf(intent.payment_method),
    lastError: error ? { code: error.decline_code ?? error.code ?? error.type, message: error.message ?? 'The card could not be attached.' } : null,
  };
}

const refused = (what: string) => ({ refused: `Stripe refused to ${what}`, unreachable: `Stripe could not be reached to ${what}` });

/**
 * Card setups on Stripe, composed into `createStripeProcessor`: an off-session SetupIntent
 * on the subject's customer (the browser confirms it with the PaymentElement), its state,
 * the attached card's details, and making that card the default of the customer and of
 * the subject's Stripe subscriptions. Translation only; the rules are in
 * `billing/processorSetups.ts`.
 */
export function stripePaymentMethods(stripe: Stripe, options: { publishableKey?: string | undefined }): StripePaymentMethods {
  return {
    createSetup: ({ subject, customers, idempotencyKey }) =>
      callStripe(refused('start the card setup'), async () => {
        const customer = await stripeCustomerId(stripe, customers, subject);
        const { kind, id } = parseSubjectKey(subject);
        const intent = await stripe.setupIntents.create(
          {
            customer,
            usage: 'off_session',
            automatic_payment_methods: { enabled: true },
            metadata: { billkit_subject: id, billkit_subject_kind: kind },
          },
          { idempotencyKey },
        );
        return { setup: toProcessorSetup(intent), ...(options.publishableKey ? { publishableKey: options.publishableKey } : {}) };
      }),

    retrieveSetup: (id) => callStripe(refused('read the card setup'), async () => toProcessorSetup(await stripe.setupIntents.retrieve(id))),

    retrieveCard: (paymentMethod) =>
      callStripe(refused('read the saved card'), async () => {
        const method = await stripe.paymentMethods.retrieve(paymentMethod);
        // Wallets (Apple Pay, Google Pay) are cards too; other methods have no brand or digits to show.
        const card = method.card;
        return {
          processorRef: method.id,
          brand: card?.brand ?? method.type,
          last4: card?.last4 ?? '',
          exp_month: card?.exp_month ?? 0,
          exp_year: card?.exp_year ?? 0,
        };
      }),

    setDefaultPaymentMethod: ({ subject, customers, paymentMethod, subscriptions }) =>
      callStripe(refused('make the card the default'), async () => {
        const customer = await stripeCustomerId(stripe, customers, subject);
        await stripe.customers.update(customer, { invoice_settings: { default_payment_method: paymentMethod } });
        // A subscription's own default wins over the customer's (Checkout and the embedded flow set one).
        for (const ref of subscriptions) {
          await stripe.subscriptions.update(ref.processorRef, { default_payment_method: paymentMethod });
        }
      }),
  };
}
