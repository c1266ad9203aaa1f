import type { Price, Subscription } from '../../contract/types';

/** What choosing `price` does to a subscription: nothing (its price), a switch of interval, an upgrade or a downgrade. */
export type PlanChangeAction = 'current' | 'switch_to_yearly' | 'switch_to_monthly' | 'upgrade' | 'downgrade';

/** The price per year, so that monthly and yearly prices compare. */
function perYear(price: Pick<Price, 'amount' | 'interval'>): number {
  const times = { day: 365, week: 52, month: 12, year: 1 } as const;
  return price.amount * (price.interval ? times[price.interval] : 1);
}

/**
 * The action a plan card offers to a subscriber. The same plan at the other interval is a
 * switch; another plan is an upgrade when it costs more per year, else a downgrade (the
 * proxy's rules decide when each takes effect; this only names the button).
 */
export function planChangeAction(subscription: Subscription, price: Price, planId: string): PlanChangeAction {
  if (subscription.price.id === price.id) return 'current';
  if (subscription.plan.id === planId && price.interval !== subscription.price.interval) {
    return price.interval === 'year' ? 'switch_to_yearly' : 'switch_to_monthly';
  }
  return perYear(price) > perYear(subscription.price) ? 'upgrade' : 'downgrade';
}
