import { intervalAdverb } from '../../contract/formatInterval';
import { canChangePlan, isEnded } from '../../contract/subscriptionRules';
import type { PlanChangeLine, PlanChangePreview } from '../../contract/types';
import { InvalidParameter, NotFound } from '../domainErrors';
import type { PlanRecord, PriceRecord, PromotionCodeRecord, SubscriptionDetail } from '../store/records';
import type { BillingContext } from './BillingContext';
import { checkQuantity, isPerUnit, periodAmount, planAtQuantity } from './quantity';
import { periodDiscount } from './renewSubscription';
import { addInterval, iso } from './time';
import type { PaymentProcessor } from '../processor/types';

/** Whether the processor can change the plans of subscriptions it holds (Stripe). */
function processorChangesPlans(processor: PaymentProcessor): boolean {
  return Boolean(processor.previewPlanChange && processor.changePlanNow && processor.schedulePlanChange && processor.cancelScheduledPlanChange);
}

/** Nominal days of an interval, only to compare prices per day (which change is an upgrade). */
const NOMINAL_DAYS = { day: 1, week: 7, month: 30, year: 365 } as const;

/** Everything a plan change is decided from, and the decision with its amounts. */
export interface PlannedPlanChange {
  sub: SubscriptionDetail;
  target: { price: PriceRecord; plan: PlanRecord };
  /** The quantity after the change (seats of a per-unit price; 1 for flat prices). */
  quantity: number;
  effective: 'now' | 'period_end';
  /** The proration lines (empty for a trial or a period-end change). */
  lines: { description: string; amount: number; period_start: Date; period_end: Date; proration: boolean }[];
  /** The new period when the interval changes (billing cycle anchor = now), else the current one. */
  period: { start: Date; end: Date };
  amountDueToday: number;
  /** The subject's credit after the change (carried to the next invoices). */
  balanceAfter: number;
  nextInvoice: { amount: number; date: Date };
  /** The instant the change is priced at (its `proration_date`). */
  at: Date;
}

const intervalWord = (price: PriceRecord) => intervalAdverb(price.interval ?? 'month');

/** "Team × 5 seats (monthly)", "Pro (monthly)". */
const lineName = (plan: PlanRecord, price: PriceRecord, quantity: number) => `${planAtQuantity(plan, price, quantity)} (${intervalWord(price)})`;

/**
 * Decides a change of the subscription to `target` at `now` (the rules of the README's
 * "Changing plan"): while trialing the plan (and quantity) changes now without a charge and the trial
 * keeps its end; a higher price per day (`amount × quantity`: more seats are an upgrade), or a longer interval (monthly → yearly), changes
 * now with Stripe's proration to the second (credit for the unused time of the current
 * price and quantity, charge for the rest of the period at the new ones; an interval change starts a new
 * period now and charges it whole); anything else (a downgrade, fewer seats) waits for the period end.
 * Amounts are prices less the running promotion, rounded to whole minor units (whole yen
 * for JPY). A net credit never makes `amountDueToday` negative: it is kept as the
 * subject's balance and taken off the next invoice.
 *
 * The credit for the unused time is of what the customer paid for the current period,
 * never of the list price: the current price less the promotion discount of that period,
 * as {@link periodDiscount} gave it on the period's invoice (`forever` codes always,
 * `repeating` ones while their months cover the period's start, `once` codes only when
 * the period's invoice was the first charge, `firstChargedPeriod`). Recomputing the
 * discount is exact where the invoice's own figures are not: an invoice's
 * `discount_amount` also holds any customer balance spent on it, which was the
 * customer's money and is credited back in full.
 */
function planPlanChange(
  sub: SubscriptionDetail,
  target: { price: PriceRecord; plan: PlanRecord },
  quantity: number,
  promo: PromotionCodeRecord | null,
  balance: number,
  now: Date,
  firstChargedPeriod = false,
): PlannedPlanChange {
  const old = sub.price;
  const next = target.price;
  const at = { ...sub, price: next, quantity };
  const net = (start: Date) => periodAmount(next, quantity) - periodDiscount(at, promo, start, false);
  const perDay = (p: PriceRecord, q: number) => periodAmount(p, q) / NOMINAL_DAYS[p.interval ?? 'month'];
  const longer = NOMINAL_DAYS[next.interval ?? 'month'] > NOMINAL_DAYS[old.interval ?? 'month'];
  const intervalChanges = next.interval !== old.interval;
  const periodEnd = sub.current_period_end;

  if (sub.status === 'trialing') {
    const date = sub.trial_end ?? periodEnd;
    return {
      sub, target, quantity, effective: 'now', lines: [], at: now,
      period: { start: sub.current_period_start, end: intervalChanges ? date : periodEnd },
      amountDueToday: 0, balanceAfter: balance,
      // The trial's end is the first charge: a `once` promotion is spent on it (as endPeriod does).
      nextInvoice: { amount: Math.max(0, periodAmount(next, quantity) - periodDiscount(at, promo, date, true) - balance), date },
    };
  }
  if (!(perDay(next, quantity) > perDay(old, sub.quantity) || longer)) {
    const amount = net(periodEnd);
    return {
      sub, target, quantity, effective: 'period_end', at: now,
      lines: [{
        description: lineName(target.plan, next, quantity), amount,
        period_start: periodEnd, period_end: addInterval(periodEnd, next.interval ?? 'month'), proration: false,
      }],
      period: { start: sub.current_period_start, end: periodEnd },
      amountDueToday: 0, balanceAfter: balance,
      nextInvoice: { amount: Math.max(0, amount - balance), date: periodEnd },
    };
  }
  const total = periodEnd.getTime() - sub.current_period_start.getTime();
  const unused = Math.max(0, periodEnd.getTime() - now.getTime());
  const fraction = total > 0 ? unused / total : 0;
  const lines: PlannedPlanChange['lines'] = [];
  const paid = periodAmount(old, sub.quantity) - periodDiscount(sub, promo, sub.current_period_start, firstChargedPeriod);
  const credit = Math.round(paid * fraction);
  if (credit > 0) {
    lines.push({ description: `Unused time on ${lineName(sub.plan, old, sub.quantity)}`, amount: -credit, period_start: now, period_end: periodEnd, proration: true });
  }
  let period = { start: sub.current_period_start, end: periodEnd };
  if (intervalChanges) {
    // Stripe's billing_cycle_anchor=now: the new interval starts a new period, charged whole.
    period = { start: now, end: addInterval(now, next.interval ?? 'month') };
    lines.push({ description: lineName(target.plan, next, quantity), amount: net(now), period_start: now, period_end: period.end, proration: false });
  } else {
    lines.push({
      description: `Remaining time on ${lineName(target.plan, next, quantity)}`,
      amount: Math.round(net(sub.current_period_start) * fraction), period_start: now, period_end: periodEnd, proration: true,
    });
  }
  const sum = lines.reduce((s, l) => s + l.amount, 0) - balance;
  const balanceAfter = Math.max(0, -sum);
  return {
    sub, target, quantity, effective: 'now', lines, period, at: now,
    amountDueToday: Math.max(0, sum), balanceAfter,
    nextInvoice: { amount: Math.max(0, net(period.end) - balanceAfter), date: period.end },
  };
}

/** The wire form of a decided change (`POST /subscription/preview`). */
export function toWirePreview(p: PlannedPlanChange): PlanChangePreview {
  const { price, plan } = p.target;
  return {
    price: { id: price.id, amount: price.amount, interval: price.interval, currency: price.currency },
    plan: { id: plan.id, name: plan.name },
    effective: p.effective,
    quantity: p.quantity,
    lines: p.lines.map((l): PlanChangeLine => ({ ...l, period_start: iso(l.period_start), period_end: iso(l.period_end) })),
    amount_due_today: p.amountDueToday,
    currency: price.currency,
    next_invoice: { amount: p.nextInvoice.amount, date: iso(p.nextInvoice.date) },
    proration_date: iso(p.at),
  };
}

/** What a change asks for: a price (default the current one), a quantity (default: see {@link targetQuantity}), or both. */
export interface PlanChangeTarget {
  priceId?: string;
  quantity?: number;
}

/**
 * The quantity a change goes to when the request names none: the current quantity on the
 * same per-unit price or another per-unit price, the new price's minimum coming from a flat
 * price, 1 for a flat price. Then checked against the price (`checkQuantity`).
 */
function targetQuantity(sub: SubscriptionDetail, target: { price: PriceRecord; plan: PlanRecord }, requested: number | undefined): number {
  const fallback = !isPerUnit(target.price) ? 1 : isPerUnit(sub.price) ? sub.quantity : (target.price.min_quantity ?? 1);
  return checkQuantity(target.price, target.plan, requested ?? fallback);
}

/**
 * Checks a requested change and decides it. No live subscription → `NotFound`; one that
 * is not `active`/`trialing`, pending cancellation, or held by a processor that cannot
 * change plans (one that can, Stripe, is decided by the same rules) → `InvalidParameter` `subscription_not_changeable`; an unknown, hidden,
 * one-time or other-currency price → `InvalidParameter` on `price_id`; a quantity the price
 * is not sold in → `InvalidParameter` on `quantity`. The current price at the current
 * quantity is `'same'`, which lets `change` undo a pending change.
 */
export async function decidePlanChange(
  ctx: BillingContext,
  sub: SubscriptionDetail | null,
  request: PlanChangeTarget,
  at: Date = ctx.now(),
): Promise<PlannedPlanChange | 'same'> {
  if (!sub || isEnded(sub)) throw new NotFound('no_subscription', 'There is no subscription to change.');
  const processorCannot = sub.processor_ref !== null && !processorChangesPlans(ctx.processor);
  if (!canChangePlan(sub) || processorCannot) {
    throw new InvalidParameter('subscription_not_changeable',
      sub.cancel_at_period_end
        ? 'This subscription is set to cancel; resume it before changing plan.'
        : processorCannot
          ? 'Plan changes of subscriptions held by this payment processor are not supported yet.'
          : `A ${sub.status} subscription cannot change plan; pay its open invoice first.`);
  }
  const priceId = request.priceId ?? sub.price_id;
  const found = await ctx.store.getPrice(priceId);
  if (!found || found.plan.hidden) throw new InvalidParameter('resource_missing', `No such price: "${priceId}".`, 'price_id');
  if (!found.price.interval || found.price.model === 'one_time') throw new InvalidParameter('parameter_invalid', 'Only recurring prices can be subscribed to.', 'price_id');
  if (found.price.currency !== sub.price.currency) {
    throw new InvalidParameter('currency_mismatch', `The subscription is billed in ${sub.price.currency}; choose a price in that currency.`, 'price_id');
  }
  const quantity = targetQuantity(sub, found, request.quantity);
  if (found.price.id === sub.price.id && quantity === sub.quantity) return 'same';
  const promo = sub.promotion_code ? await ctx.store.getPromotionCode(sub.promotion_code) : null;
  // A processor holding the subscription (Stripe) keeps the customer's balance itself.
  const balance = sub.processor_ref ? null : await ctx.store.getCustomerBalance(sub.subject);
  const first = promo?.duration === 'once' && sub.status === 'active' ? await isFirstChargedPeriod(ctx, sub) : false;
  return planPlanChange(sub, found, quantity, promo, balance?.currency === sub.price.currency ? balance.amount : 0, at, first);
}

/**
 * Whether the current period was billed, at the current price, by the subscription's
 * first charge (the one a `once` promotion was spent on): the period starts where
 * charging started (the checkout, or the trial's end) and its invoice is the only one in
 * it (an upgrade inside the period invoiced a proration at the new price, which no
 * promotion reduced; an interval change starts a new period).
 */
async function isFirstChargedPeriod(ctx: BillingContext, sub: SubscriptionDetail): Promise<boolean> {
  const chargedFrom = sub.trial_end ?? sub.created_at;
  if (sub.current_period_start.getTime() !== chargedFrom.getTime()) return false;
  return (await ctx.store.countSubscriptionInvoicesFrom(sub.subject, sub.id, sub.current_period_start)) === 1;
}
