import { isEnded } from '../../contract/subscriptionRules';
import { NotFound, InvalidParameter } from '../domainErrors';
import type { InvoiceRecord, SubscriptionDetail } from '../store/records';
import { randomId } from '../crypto/hmac';
import type { BillingContext } from './BillingContext';
import { priceCheckout, promotionLabel } from './checkout';
import { discountLine, periodLine, subscriptionLine } from './invoiceLines';
import { planAtQuantity } from './quantity';
import { addDays, addInterval } from './time';
import { transactionWithEvents } from './events';
import { saveNewSubscription, saveSubscription } from './saveSubscription';

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
  const { result } = await transactionWithEvents(ctx, now, async (store, emit) => {
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
      const canceled = await saveSubscription(store, previous, { status: 'canceled', cancel_at_period_end: false, canceled_at: now, ended_at: now });
      await emit('subscription.canceled', previous.subject, canceled);
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
    await saveNewSubscription(store, record);

    const intervalName = interval === 'year' ? 'yearly' : interval === 'day' ? 'daily' : `${interval}ly`;
    const discountDescription = !trialEnd && promo ? `${promo.code} (${promotionLabel(promo, price.currency)})` : null;
    const named = planAtQuantity(plan, price, row.quantity);
    const lines = trialEnd
      ? [subscriptionLine(`Free trial of ${named} (${row.trial_days} days)`, 0, now, periodEnd)]
      : [
          periodLine(price, row.quantity, `${named} (${intervalName})`, now, periodEnd),
          ...(amounts.discount > 0 ? [discountLine(discountDescription ?? 'Discount', amounts.discount)] : []),
        ];
    const invoice: InvoiceRecord = {
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
      discount_description: discountDescription,
      created_at: now,
      lines,
    };
    await store.insertInvoice(invoice);
    await store.updateCheckoutSession(row.id, {
      status: 'complete',
      payment_id: paymentId ?? row.payment_id,
      paid_at: row.paid_at ?? now,
      fulfilled_at: now,
      subscription_id: sub.id,
    });
    await emit('checkout.session.completed', row.subject, { id: row.id, subscription: sub.id, amount_total: amounts.dueToday, currency: price.currency });
    await emit('subscription.created', row.subject, sub);
    await emit('invoice.created', row.subject, invoice);
    await emit('invoice.paid', row.subject, invoice);
    return { sub, created: true };
  });
  if (processorJob) ctx.onProcessorJobsWritten?.();
  return result.sub;
}
