import type { ConfirmCheckoutResponse } from '../../contract/types';
import { Conflict, InvalidParameter, PaymentDeclined } from '../domainErrors';
import type { CardInput } from '../processor/types';
import type { BillingContext } from './BillingContext';
import type { LoadedCheckout } from './checkout';
import { settleCheckoutPayment } from './checkoutPayment';
import { fulfilCheckout } from './fulfilCheckout';
import { makePayment } from './payments';
import { reconcile } from './settlePayments';
import { toWireSubscription } from './wire';

async function subscriptionOf(ctx: BillingContext, c: LoadedCheckout): Promise<ConfirmCheckoutResponse> {
  const sub = c.row.subscription_id ? await ctx.store.getSubscription(c.row.subscription_id) : null;
  const fulfilled = sub ?? (await fulfilCheckout(ctx, c.row.id, c.row.payment_id));
  return { status: 'succeeded', subscription: toWireSubscription(fulfilled) };
}

function assertPayable(c: LoadedCheckout): void {
  if (c.expired) throw new InvalidParameter('checkout_session_expired', 'This checkout session has expired. Start a new checkout.');
}

/**
 * Pays an open checkout with a card through the one charging path (billing/payments.ts):
 * under the session's lock a pending payment of it is written (one at a time: a second
 * confirm while one is being charged is a `Conflict` `checkout_being_paid`; one whose
 * earlier attempt already went through is fulfilled without a charge), then the card is
 * charged with that payment's key, then the outcome is written. Succeeded → fulfilled;
 * 3-D Secure cards → `requires_action` (finish with {@link authenticateCheckout}); declined
 * or invalid cards → `PaymentDeclined` with the processor's code and message. A completed
 * session answers the same success again without charging.
 */
export async function confirmCheckout(ctx: BillingContext, c: LoadedCheckout, card: CardInput): Promise<ConfirmCheckoutResponse> {
  if (c.row.status === 'complete') return subscriptionOf(ctx, c);
  assertPayable(c);
  // Two sessions opened for trials before either was paid: only the first one paid starts one.
  if (c.row.trial_days && (await ctx.store.hadTrialOrPayment(c.row.subject))) {
    throw new InvalidParameter('trial_already_used', 'A trial is only for a first subscription: this account already had a trial or a paid subscription. Start a new checkout.');
  }
  await reconcile(ctx, { objectId: c.row.id });
  const begun = await ctx.store.transaction(async (store) => {
    const row = await store.getCheckoutSession(c.row.id, { forUpdate: true });
    if (!row || row.status === 'complete') return 'complete' as const;
    const payments = await store.paymentsOf('checkout', row.id);
    const paid = payments.find((p) => p.status === 'succeeded');
    if (paid) return paid;
    if (payments.some((p) => p.status === 'pending')) {
      throw new Conflict('checkout_being_paid', 'This checkout is being paid right now; look again in a moment.');
    }
    // A new card replaces a 3-D Secure step the customer left unfinished.
    for (const p of payments.filter((p) => p.status === 'requires_action')) {
      await store.settlePayment(p.id, ['requires_action'], { status: 'failed', failure_code: 'authentication_abandoned', failure_message: 'Another card was used instead.' }, ctx.wallNow());
    }
    return store.beginPayment(
      {
        subject: row.subject,
        object_kind: 'checkout',
        object_id: row.id,
        subscription_id: null,
        purpose: 'checkout',
        amount: row.amount_due_today,
        currency: row.currency,
        request_key: null,
        plan: null,
      },
      ctx.wallNow(),
    );
  });
  if (begun === 'complete') return subscriptionOf(ctx, { ...c, row: (await ctx.store.getCheckoutSession(c.row.id))! });
  if (begun.status === 'succeeded') return answer(await settleCheckoutPayment(ctx, begun, null));
  const result = await makePayment(ctx, begun, (idempotencyKey) =>
    ctx.processor.confirmPayment({
      amount: begun.amount,
      currency: begun.currency,
      card,
      description: `${c.plan.name} subscription`,
      idempotencyKey,
      now: ctx.now(),
    }),
  );
  return answer(await settleCheckoutPayment(ctx, begun, result));
}

function answer(outcome: Awaited<ReturnType<typeof settleCheckoutPayment>>): ConfirmCheckoutResponse {
  if (outcome.status === 'succeeded') return { status: 'succeeded', subscription: toWireSubscription(outcome.subscription) };
  if (outcome.status === 'requires_action') return { status: 'requires_action', next_action: { type: 'authenticate' } };
  throw new PaymentDeclined(outcome.code, outcome.message, outcome.param ? `card.${outcome.param}` : undefined);
}

/**
 * Finishes the 3-D Secure step of a `requires_action` checkout: approved → paid and
 * fulfilled; failed → `PaymentDeclined` `authentication_failed` and the session is open again for
 * another card.
 */
export async function authenticateCheckout(ctx: BillingContext, c: LoadedCheckout, approve: boolean): Promise<ConfirmCheckoutResponse> {
  if (c.row.status === 'complete') return subscriptionOf(ctx, c);
  assertPayable(c);
  const waiting = (await ctx.store.paymentsOf('checkout', c.row.id)).find((p) => p.status === 'requires_action');
  if (c.row.status !== 'requires_action' || !waiting?.processor_payment_id) {
    throw new InvalidParameter('payment_intent_unexpected_state', 'This checkout is not waiting for authentication.');
  }
  const result = await ctx.processor.authenticatePayment({ paymentId: waiting.processor_payment_id, approve });
  const outcome = await settleCheckoutPayment(ctx, waiting, result.status === 'requires_action' ? { status: 'failed', code: 'authentication_failed', message: 'Authentication failed.' } : result);
  return answer(outcome);
}
