import { intervalAdverb } from '../../contract/formatInterval';
import { canChangePlan, isEnded } from '../../contract/subscriptionRules';
import type { PlanChangeLine, PlanChangePreview } from '../../contract/types';
import { InvalidParameter, NotFound } from '../domainErrors';
import type { PlanRecord, PriceRecord, PromotionCodeRecord, SubscriptionDetail } from '../store/records';
import type { BillingContext } from './BillingContext';
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

/**
 * Decides a change of the subscription to `target` at `now` (the rules of the README's
 * "Changing plan"): while trialing the plan changes now without a charge and the trial
 * keeps its end; a higher price per day, or a longer interval (monthly → yearly), changes
 * now with Stripe's proration to the second (credit for the unused time of the current
 * price, charge for the rest of the period at the new one; an interval change starts a new
 * period now and charges it whole); anything else (a downgrade) waits for the period end.
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
  promo: PromotionCodeRecord | null,
  balance: number,
  now: Date,
  firstChargedPeriod = false,
): PlannedPlanChange {
  const old = sub.price;
  const next = target.price;
  const net = (price: PriceRecord, start: Date) => price.amount - periodDiscount({ ...sub, price }, promo, start, false);
  const perDay = (p: PriceRecord) => p.amount / NOMINAL_DAYS[p.interval ?? 'month'];
  const longer = NOMINAL_DAYS[next.interval ?? 'month'] > NOMINAL_DAYS[old.interval ?? 'month'];
  const intervalChanges = next.interval !== old.interval;
  const periodEnd = sub.current_period_end;

  if (sub.status === 'trialing') {
    const date = sub.trial_end ?? periodEnd;
    return {
      sub, target, effective: 'now', lines: [], at: now,
      period: { start: sub.current_period_start, end: intervalChanges ? date : periodEnd },
      amountDueToday: 0, balanceAfter: balance,
      // The trial's end is the first charge: a `once` promotion is spent on it (as endPeriod does).
      nextInvoice: { amount: Math.max(0, next.amount - periodDiscount({ ...sub, price: next }, promo, date, true) - balance), date },
    };
  }
  if (!(perDay(next) > perDay(old) || longer)) {
    const amount = net(next, periodEnd);
    return {
      sub, target, effective: 'period_end', at: now,
      lines: [{
        description: `${target.plan.name} (${intervalWord(next)})`, amount,
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
  const paid = old.amount - periodDiscount(sub, promo, sub.current_period_start, firstChargedPeriod);
  const credit = Math.round(paid * fraction);
  if (credit > 0) {
    lines.push({ description: `Unused time on ${sub.plan.name} (${intervalWord(old)})`, amount: -credit, period_start: now, period_end: periodEnd, proration: true });
  }
  let period = { start: sub.current_period_start, end: periodEnd };
  if (intervalChanges) {
    // Stripe's billing_cycle_anchor=now: the new interval starts a new period, charged whole.
    period = { start: now, end: addInterval(now, next.interval ?? 'month') };
    lines.push({ description: `${target.plan.name} (${intervalWord(next)})`, amount: net(next, now), period_start: now, period_end: period.end, proration: false });
  } else {
    lines.push({
      description: `Remaining time on ${target.plan.name} (${intervalWord(next)})`,
      amount: Math.round(net(next, sub.current_period_start) * fraction), period_start: now, period_end: periodEnd, proration: true,
    });
  }
  const sum = lines.reduce((s, l) => s + l.amount, 0) - balance;
  const balanceAfter = Math.max(0, -sum);
  return {
    sub, target, effective: 'now', lines, period, at: now,
    amountDueToday: Math.max(0, sum), balanceAfter,
    nextInvoice: { amount: Math.max(0, net(next, period.end) - balanceAfter), date: period.end },
  };
}

/** The wire form of a decided change (`POST /subscription/preview`). */
export function toWirePreview(p: PlannedPlanChange): PlanChangePreview {
  const { price, plan } = p.target;
  return {
    price: { id: price.id, amount: price.amount, interval: price.interval, currency: price.currency },
    plan: { id: plan.id, name: plan.name },
    effective: p.effective,
    lines: p.lines.map((l): PlanChangeLine => ({ ...l, period_start: iso(l.period_start), period_end: iso(l.period_end) })),
    amount_due_today: p.amountDueToday,
    currency: price.currency,
    next_invoice: { amount: p.nextInvoice.amount, date: iso(p.nextInvoice.date) },
    proration_date: iso(p.at),
  };
}

/**
 * Checks a requested change and decides it. No live subscription → `NotFound`; one that
 * is not `active`/`trialing`, pending cancellation, or held by a processor that cannot
 * change plans (one that can, Stripe, is decided by the same rules) → `InvalidParameter` `subscription_not_changeable`; an unknown, hidden,
 * one-time or other-currency price → `InvalidParameter` on `price_id`. `allowSame` lets
 * `change` name the current price (which undoes a pending change).
 */
export async function decidePlanChange(
  ctx: BillingContext,
  sub: SubscriptionDetail | null,
  priceId: string,
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
  const found = await ctx.store.getPrice(priceId);
  if (!found || found.plan.hidden) throw new InvalidParameter('resource_missing', `No such price: "${priceId}".`, 'price_id');
  if (!found.price.interval) throw new InvalidParameter('parameter_invalid', 'Only recurring prices can be subscribed to.', 'price_id');
  if (found.price.currency !== sub.price.currency) {
    throw new InvalidParameter('currency_mismatch', `The subscription is billed in ${sub.price.currency}; choose a price in that currency.`, 'price_id');
  }
  if (found.price.id === sub.price.id) return 'same';
  const promo = sub.promotion_code ? await ctx.store.getPromotionCode(sub.promotion_code) : null;
  // A processor holding the subscription (Stripe) keeps the customer's balance itself.
  const balance = sub.processor_ref ? null : await ctx.store.getCustomerBalance(sub.subject);
  const first = promo?.duration === 'once' && sub.status === 'active' ? await isFirstChargedPeriod(ctx, sub) : false;
  return planPlanChange(sub, found, promo, balance?.currency === sub.price.currency ? balance.amount : 0, at, first);
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
