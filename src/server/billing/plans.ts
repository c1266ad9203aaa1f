import type { Plan } from '../../contract/types';
import type { CatalogueEntry } from '../store/records';
import type { BillingContext } from './BillingContext';
import { isPerUnit } from './quantity';

/**
 * The wire plans of one catalogue read. The store hands back the same frozen array while
 * its catalogue cache holds, so `GET /plans` builds its answer once per catalogue, not
 * once per request.
 */
const wireOf = new WeakMap<readonly CatalogueEntry[], Plan[]>();

/**
 * What `GET /plans` lists: public plans in display order, each with its prices. Each
 * price carries its plan's trial length (`trial_period_days`, `null`: no trials), a per-unit
 * price also its `unit_label`, `min_quantity` and `max_quantity`. With a
 * `subject` (a user's session token), each plan adds `trial_eligible`: whether a checkout
 * of it may start a trial for that subject (the plan has trials, and the subject never
 * had a trial or a paid subscription). The catalogue part is built once per catalogue;
 * only that flag is per caller (one query, made only when some plan has trials).
 */
export async function listPlans(ctx: Pick<BillingContext, 'store'>, subject?: string): Promise<Plan[]> {
  const entries = await ctx.store.listPublicPlans();
  let plans = wireOf.get(entries);
  if (!plans) {
    plans = entries.map((plan) => ({
      id: plan.id,
      name: plan.name,
      description: plan.description,
      features: plan.features,
      recommended: plan.recommended,
      prices: plan.prices.map((price) => ({
        id: price.id,
        amount: price.amount,
        currency: price.currency,
        interval: price.interval,
        model: price.model,
        trial_period_days: plan.trial_period_days,
        usage: (price.usage ?? []).map((c) => ({ ...c, tiers: c.tiers.map((t) => ({ ...t })) })),
        // Only per-unit prices carry their unit and range, so flat prices keep the documented shape.
        ...(isPerUnit(price)
          ? { unit_label: price.unit_label ?? null, min_quantity: price.min_quantity ?? null, max_quantity: price.max_quantity ?? null }
          : {}),
      })),
      trial_allowed: plan.trial_period_days !== null,
      trial_by_default: plan.trial_by_default,
    }));
    wireOf.set(entries, plans);
  }
  if (subject === undefined) return plans;
  const withTrials = plans.some((plan) => plan.trial_allowed);
  const eligible = withTrials && !(await ctx.store.hadTrialOrPayment(subject));
  return plans.map((plan) => ({ ...plan, trial_eligible: eligible && plan.trial_allowed === true }));
}
