import Stripe from 'stripe';
import type { PlanRecord, PriceRecord } from '../store/records';
import type { ProcessorPlanChangeInput, ProcessorPlanChanges } from './planChangeTypes';
import { stripeSubscriptionState } from './stripeSubscriptionState';
import type { PaymentProcessor, PaymentResult, ProcessorSubscriptionRef } from './types';

/** What the plan-change methods borrow from the Stripe processor they are composed into. */
export interface StripePlanChangeDeps {
  stripe: Stripe;
  /** The Stripe price of a Billkit price (found by lookup key, else created). */
  stripePriceId(price: PriceRecord, plan: PlanRecord): Promise<string>;
  /** Runs a Stripe call, turning refusals and outages into `ProcessorUnavailable` (see stripe.ts). */
  call<T>(what: { refused: string; unreachable: string }, fn: () => Promise<T>): Promise<T>;
}

const unix = (date: Date) => Math.floor(date.getTime() / 1000);
const fromUnix = (seconds: number) => new Date(seconds * 1000);
const idOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : (value?.id ?? null));

/**
 * A declined payment in Billkit's terms: Stripe's `decline_code` when it says more than
 * "declined" (`insufficient_funds`, `lost_card`), else its error `code` (`card_declined`,
 * `expired_card`), as the test processor answers for the same test cards.
 */
function declined(error: Stripe.errors.StripeCardError): PaymentResult & { status: 'failed' } {
  const code = error.decline_code && error.decline_code !== 'generic_decline' ? error.decline_code : (error.code ?? 'card_declined');
  return { status: 'failed', code, message: error.message };
}

/** Whether a Stripe line is a proration (`parent.*_details.proration` since API 2025-03-31, `proration` before). */
function isProration(line: Stripe.InvoiceLineItem): boolean {
  const parent = line.parent as { subscription_item_details?: { proration?: boolean }; invoice_item_details?: { proration?: boolean } } | null;
  return Boolean(
    parent?.subscription_item_details?.proration ?? parent?.invoice_item_details?.proration ?? (line as unknown as { proration?: boolean }).proration,
  );
}

/**
 * Plan changes and invoice payment on Stripe, composed into `createStripeProcessor`. A change effective now is
 * `subscriptions.update` replacing the item's price and quantity (seats) with `proration_behavior:
 * 'always_invoice'` (the proration is invoiced and charged at once),
 * `payment_behavior: 'error_if_incomplete'` (a decline leaves the subscription as it was)
 * and `billing_cycle_anchor: { type: 'now' }` when the interval changes; its preview is
 * `invoices.createPreview` with the same parameters and `proration_date`. A change at the
 * period end is a subscription schedule made from the subscription: the current price and
 * quantity until the period ends, then the new ones (a seat decrease: the same price, fewer), released after it (so the subscription goes on
 * by itself). Paying an open invoice is `invoices.pay` (the customer's default payment
 * method).
 */
export function stripePlanChanges({ stripe, stripePriceId, call }: StripePlanChangeDeps): Required<ProcessorPlanChanges> & Required<Pick<PaymentProcessor, 'retrievePayment'>> {
  /** The subscription and its one item (Billkit subscriptions have exactly one). */
  const current = async (ref: ProcessorSubscriptionRef) => {
    const sub = await stripe.subscriptions.retrieve(ref.processorRef);
    const item = sub.items.data[0];
    if (!item) throw new Error(`Stripe subscription ${sub.id} has no item.`);
    return { sub, item };
  };

  /** The parameters a change now and its preview share, so the preview is what the change charges. */
  const changeParams = async (input: ProcessorPlanChangeInput, itemId: string): Promise<Stripe.SubscriptionUpdateParams> => ({
    items: [{ id: itemId, price: await stripePriceId(input.price, input.plan), quantity: input.quantity }],
    proration_behavior: input.prorate ? 'always_invoice' : 'none',
    ...(input.prorate ? { proration_date: unix(input.prorationDate) } : {}),
    // API 2026-10-28 (the `stripe` package's) takes the anchor as `{ type }`; older ones as `'now'`.
    ...(input.resetPeriod ? { billing_cycle_anchor: { type: 'now' } } : {}),
  });

  return {
    previewPlanChange: (input) =>
      call({ refused: 'Stripe refused the plan change preview', unreachable: 'Stripe could not be reached for the plan change preview' }, async () => {
        const { item } = await current(input.ref);
        const invoice = await stripe.invoices.createPreview({
          subscription: input.ref.processorRef,
          // The same fields under the same names as subscriptions.update takes them.
          subscription_details: (await changeParams(input, item.id)) as Stripe.InvoiceCreatePreviewParams.SubscriptionDetails,
        });
        return {
          lines: (invoice.lines?.data ?? []).map((line) => ({
            description: line.description ?? null,
            amount: line.amount,
            period_start: fromUnix(line.period.start),
            period_end: fromUnix(line.period.end),
            proration: isProration(line),
          })),
          amount_due: invoice.amount_due,
          total: invoice.total,
        };
      }),

    changePlanNow: (input) =>
      call({ refused: 'Stripe refused the plan change', unreachable: 'Stripe could not be reached for the plan change' }, async () => {
        const { item } = await current(input.ref);
        try {
          const updated = await stripe.subscriptions.update(
            input.ref.processorRef,
            { ...(await changeParams(input, item.id)), payment_behavior: 'error_if_incomplete' },
            { idempotencyKey: input.idempotencyKey },
          );
          return { status: 'changed' as const, state: stripeSubscriptionState(updated) };
        } catch (error) {
          if (error instanceof Stripe.errors.StripeCardError) return declined(error);
          throw error;
        }
      }),

    schedulePlanChange: (ref, change) =>
      call({ refused: 'Stripe refused to schedule the plan change', unreachable: 'Stripe could not be reached to schedule the plan change' }, async () => {
        const { sub, item } = await current(ref);
        // A schedule already attached (an earlier pending change) is rewritten, not stacked.
        const scheduleId =
          idOf(sub.schedule) ??
          (await stripe.subscriptionSchedules.create({ from_subscription: ref.processorRef }, { idempotencyKey: `${change.idempotencyKey}-schedule` })).id;
        await stripe.subscriptionSchedules.update(
          scheduleId,
          {
            end_behavior: 'release',
            proration_behavior: 'none',
            phases: [
              {
                items: [{ price: item.price.id, quantity: item.quantity ?? 1 }],
                start_date: item.current_period_start,
                end_date: item.current_period_end,
              },
              {
                items: [{ price: await stripePriceId(change.price, change.plan), quantity: change.quantity }],
                duration: { interval: change.price.interval ?? 'month', interval_count: 1 },
              },
            ],
          },
          { idempotencyKey: `${change.idempotencyKey}-phases` },
        );
      }),

    cancelScheduledPlanChange: (ref) =>
      call({ refused: 'Stripe refused to release the plan change schedule', unreachable: 'Stripe could not be reached to release the plan change schedule' }, async () => {
        const { sub } = await current(ref);
        const scheduleId = idOf(sub.schedule);
        // Released already (or never made): the subscription keeps its price either way.
        if (scheduleId) await stripe.subscriptionSchedules.release(scheduleId);
      }),

    // Billkit pays a Stripe invoice by the invoice's own id, its payments keyed `<invoice id>:<attempt>`:
    // what became of one is whether Stripe has that invoice paid.
    retrievePayment: (idempotencyKey) =>
      call({ refused: 'Stripe refused to show the invoice', unreachable: 'Stripe could not be reached to look up the invoice' }, async (): Promise<PaymentResult | null> => {
        const invoiceId = idempotencyKey.slice(0, idempotencyKey.lastIndexOf(':'));
        if (!invoiceId.startsWith('in_')) return null;
        const invoice = await stripe.invoices.retrieve(invoiceId);
        return invoice.status === 'paid' ? { status: 'succeeded', paymentId: invoice.id ?? invoiceId } : null;
      }),

    payInvoice: ({ invoiceRef, idempotencyKey }) =>
      call({ refused: 'Stripe refused to pay the invoice', unreachable: 'Stripe could not be reached to pay the invoice' }, async (): Promise<PaymentResult> => {
        try {
          const invoice = await stripe.invoices.pay(invoiceRef, {}, { idempotencyKey });
          if (invoice.status === 'paid') return { status: 'succeeded', paymentId: invoice.id ?? invoiceRef };
          return { status: 'failed', code: 'invoice_not_paid', message: `Stripe left the invoice ${invoice.status ?? 'unpaid'}.` };
        } catch (error) {
          if (error instanceof Stripe.errors.StripeCardError) {
            if (error.code === 'invoice_payment_intent_requires_action') {
              return { status: 'requires_action', paymentId: invoiceRef, nextAction: { type: 'authenticate' } };
            }
            return declined(error);
          }
          throw error;
        }
      }),
  };
}
