import { isEnded } from '../../contract/subscriptionRules';
import { parseSubjectKey } from '../subjectKey';
import { NotFound, InvalidParameter } from '../domainErrors';
import type { SubscriptionDetail } from '../store/records';
import { randomId } from '../crypto/hmac';
import { recordEvent } from '../webhooks/recordEvent';
import type { BillingContext } from './BillingContext';
import { priceCheckout, promotionLabel } from './checkout';
import { planAtQuantity } from './quantity';
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
    const amounts = priceCheckout(price, promo, row.trial_days, row.quantity);

    const previous = await store.findCurrentSubscription(row.subject, now, { forUpdate: true });
    if (previous && !isEnded(previous)) {
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
          next_attempt_at: ctx.wallNow(),
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
      quantity: row.quantity,
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
            description: `Free trial of ${planAtQuantity(plan, price, row.quantity)} (${row.trial_days} days)`,
            quantity: row.quantity,
            unit_amount: 0,
            amount: 0,
            period_start: now,
            period_end: periodEnd,
          }
        : {
            description: `${planAtQuantity(plan, price, row.quantity)} (${intervalName})`,
            quantity: row.quantity,
            unit_amount: price.amount,
            amount: amounts.subtotal,
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
