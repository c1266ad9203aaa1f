import { parseSubjectKey } from '../subjectKey';
import type { ConfirmCheckoutResponse } from '../../contract/types';
import { NotFound, InvalidParameter, PaymentDeclined } from '../domainErrors';
import type { CardInput, PaymentResult } from '../processor/types';
import type { SubscriptionDetail } from '../store/records';
import { randomId } from '../crypto/hmac';
import { recordEvent } from '../webhooks/recordEvent';
import type { BillingContext } from './BillingContext';
import { priceCheckout, promotionLabel, type LoadedCheckout } from './checkout';
import { addDays, addInterval } from './time';
import { toWireInvoice, toWireSubscription } from './wire';

/**
 * Fulfils a paid checkout, once: in one transaction it creates the subscription
 * (`trialing` until `trial_end` when the checkout asked for a trial, else `active` for
 * one period), its first invoice (paid), cancels the subject's previous live
 * subscription (a plan switch; one the processor holds gets a `cancel_subscription`
 * processor job, run after commit), marks the session complete and writes the webhook
 * events. Called again for the same session it returns the same subscription.
 * `processorRef` is the processor's own id of the subscription when the processor
 * created one (Stripe `sub_…`), recorded so cancel / resume can reach it.
 */
export async function fulfilCheckout(
  ctx: BillingContext,
  sessionRowId: string,
  paymentId: string | null,
  processorRef: string | null = null,
): Promise<SubscriptionDetail> {
  const now = ctx.now();
  let processorJob = false;
  const result = await ctx.store.transaction(async (store) => {
    processorJob = false;
    const row = await store.getCheckoutSession(sessionRowId, { forUpdate: true });
    if (!row) throw new NotFound('not_found', 'No such checkout session.');
    if (row.fulfilled_at && row.subscription_id) {
      const existing = await store.getSubscription(row.subscription_id);
      if (existing) return { sub: existing, created: false };
    }
    const found = await store.getPrice(row.price_id);
    if (!found || !found.price.interval) throw new InvalidParameter('resource_missing', 'The price no longer exists.', 'price_id');
    const { price, plan } = found;
    const interval = found.price.interval;
    const promo = row.promotion_code ? await store.getPromotionCode(row.promotion_code) : null;
    const amounts = priceCheckout(price, promo, row.trial_days);

    const previous = await store.findCurrentSubscription(row.subject, now, { forUpdate: true });
    if (previous && previous.status !== 'canceled') {
      const patch = { status: 'canceled' as const, cancel_at_period_end: false, canceled_at: now, ended_at: now };
      await store.updateSubscription(previous.id, patch);
      await recordEvent(ctx, store, 'subscription.canceled', previous.subject, toWireSubscription({ ...previous, ...patch }), now);
      if (previous.processor_ref && ctx.processor.cancelSubscription) {
        // The processor would keep billing the old one. Not called here (this transaction
        // may serve the processor's own webhook): a durable job, run after commit with retries.
        await store.enqueueProcessorJob({
          id: randomId('pjob'),
          kind: 'cancel_subscription',
          subscription_id: previous.id,
          processor_ref: previous.processor_ref,
          subject: previous.subject,
          created_at: now,
        });
        processorJob = true;
      }
    }

    await store.upsertCustomer({ id: row.subject, kind: row.subject_kind, name: null, email: null, created_at: now });
    const trialEnd = row.trial_days ? addDays(now, row.trial_days) : null;
    const periodEnd = trialEnd ?? addInterval(now, interval);
    const sub: SubscriptionDetail = {
      id: randomId('sub'),
      subject: row.subject,
      price_id: price.id,
      status: trialEnd ? 'trialing' : 'active',
      current_period_start: now,
      current_period_end: periodEnd,
      cancel_at_period_end: false,
      trial_end: trialEnd,
      canceled_at: null,
      ended_at: null,
      promotion_code: promo?.code ?? null,
      created_at: now,
      processor_ref: processorRef,
      price,
      plan,
    };
    const { price: _p, plan: _pl, ...record } = sub;
    await store.insertSubscription(record);

    const intervalName = interval === 'year' ? 'yearly' : interval === 'day' ? 'daily' : `${interval}ly`;
    const invoice = {
      id: randomId('in'),
      subject: row.subject,
      subscription_id: sub.id,
      amount_due: amounts.dueToday,
      amount_paid: amounts.dueToday,
      currency: price.currency,
      status: 'paid' as const,
      period_start: now,
      period_end: periodEnd,
      subtotal: trialEnd ? 0 : amounts.subtotal,
      discount_amount: trialEnd ? 0 : amounts.discount,
      discount_description: !trialEnd && promo ? `${promo.code} (${promotionLabel(promo, price.currency)})` : null,
      created_at: now,
    };
    await store.insertInvoice(invoice, [
      trialEnd
        ? {
            description: `Free trial of ${plan.name} (${row.trial_days} days)`,
            quantity: 1,
            unit_amount: 0,
            amount: 0,
            period_start: now,
            period_end: periodEnd,
          }
        : {
            description: `${plan.name} (${intervalName})`,
            quantity: 1,
            unit_amount: price.amount,
            amount: price.amount,
            period_start: now,
            period_end: periodEnd,
          },
    ]);
    await store.updateCheckoutSession(row.id, {
      status: 'complete',
      payment_id: paymentId ?? row.payment_id,
      paid_at: row.paid_at ?? now,
      fulfilled_at: now,
      subscription_id: sub.id,
    });
    const wireSub = toWireSubscription(sub);
    await recordEvent(ctx, store, 'checkout.session.completed', row.subject, { id: row.id, subject: parseSubjectKey(row.subject).id, subscription: wireSub.id, amount_total: amounts.dueToday, currency: price.currency }, now);
    await recordEvent(ctx, store, 'subscription.created', row.subject, wireSub, now);
    await recordEvent(ctx, store, 'invoice.created', row.subject, toWireInvoice(invoice), now);
    await recordEvent(ctx, store, 'invoice.paid', row.subject, toWireInvoice(invoice), now);
    return { sub, created: true };
  });
  if (result.created) ctx.onEventsWritten?.();
  if (processorJob) ctx.onProcessorJobsWritten?.();
  return result.sub;
}

/** The card a checkout paid with becomes the subject's card on file, which renewals charge. */
async function keepCardOnFile(ctx: BillingContext, subject: string, result: PaymentResult): Promise<void> {
  if (result.status !== 'succeeded' || !result.paymentMethod) return;
  const { processorRef, ...card } = result.paymentMethod;
  await ctx.store.savePaymentMethod({ subject, processor_ref: processorRef, ...card, created_at: ctx.now() });
}

async function subscriptionOf(ctx: BillingContext, c: LoadedCheckout): Promise<ConfirmCheckoutResponse> {
  const sub = c.row.subscription_id ? await ctx.store.getSubscription(c.row.subscription_id) : null;
  const fulfilled = sub ?? (await fulfilCheckout(ctx, c.row.id, c.row.payment_id));
  return { status: 'succeeded', subscription: toWireSubscription(fulfilled) };
}

function assertPayable(c: LoadedCheckout): void {
  if (c.expired) throw new InvalidParameter('checkout_session_expired', 'This checkout session has expired. Start a new checkout.');
}

/**
 * Pays an open checkout with a card through the processor. Succeeded → fulfilled;
 * 3-D Secure cards → `requires_action` (finish with {@link authenticateCheckout});
 * declined or invalid cards → `PaymentDeclined` with the processor's code and message. A completed
 * session answers the same success again without charging.
 */
export async function confirmCheckout(ctx: BillingContext, c: LoadedCheckout, card: CardInput): Promise<ConfirmCheckoutResponse> {
  if (c.row.status === 'complete') return subscriptionOf(ctx, c);
  assertPayable(c);
  // Two sessions opened for trials before either was paid: only the first one paid starts one.
  if (c.row.trial_days && (await ctx.store.hadTrialOrPayment(c.row.subject))) {
    throw new InvalidParameter('trial_already_used', 'A trial is only for a first subscription: this account already had a trial or a paid subscription. Start a new checkout.');
  }
  const digits = card.number.replace(/[\s-]/g, '');
  const result = await ctx.processor.confirmPayment({
    amount: c.row.amount_due_today,
    currency: c.row.currency,
    card,
    description: `${c.plan.name} subscription`,
    // Stable per session and card, so a retried request never pays twice.
    idempotencyKey: `${c.row.id}:${digits.slice(-4)}:${card.exp_month}/${card.exp_year}`,
    now: ctx.now(),
  });
  if (result.status === 'failed') throw new PaymentDeclined(result.code, result.message, result.param ? `card.${result.param}` : undefined);
  if (result.status === 'requires_action') {
    await ctx.store.updateCheckoutSession(c.row.id, { status: 'requires_action', payment_id: result.paymentId });
    return { status: 'requires_action', next_action: result.nextAction };
  }
  await ctx.store.updateCheckoutSession(c.row.id, { payment_id: result.paymentId, paid_at: ctx.now() });
  await keepCardOnFile(ctx, c.row.subject, result);
  const sub = await fulfilCheckout(ctx, c.row.id, result.paymentId);
  return { status: 'succeeded', subscription: toWireSubscription(sub) };
}

/**
 * Finishes the 3-D Secure step of a `requires_action` checkout: approved → paid and
 * fulfilled; failed → `PaymentDeclined` `authentication_failed` and the session is open again for
 * another card.
 */
export async function authenticateCheckout(ctx: BillingContext, c: LoadedCheckout, approve: boolean): Promise<ConfirmCheckoutResponse> {
  if (c.row.status === 'complete') return subscriptionOf(ctx, c);
  assertPayable(c);
  if (c.row.status !== 'requires_action' || !c.row.payment_id) {
    throw new InvalidParameter('payment_intent_unexpected_state', 'This checkout is not waiting for authentication.');
  }
  const result = await ctx.processor.authenticatePayment({ paymentId: c.row.payment_id, approve });
  if (result.status !== 'succeeded') {
    await ctx.store.updateCheckoutSession(c.row.id, { status: 'open', payment_id: null });
    const failed = result.status === 'failed' ? result : { code: 'authentication_failed', message: 'Authentication failed.' };
    throw new PaymentDeclined(failed.code, failed.message);
  }
  await ctx.store.updateCheckoutSession(c.row.id, { paid_at: ctx.now() });
  await keepCardOnFile(ctx, c.row.subject, result);
  const sub = await fulfilCheckout(ctx, c.row.id, result.paymentId);
  return { status: 'succeeded', subscription: toWireSubscription(sub) };
}
