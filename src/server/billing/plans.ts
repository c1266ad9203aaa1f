import type { Plan } from '../../contract/types';
import type { CatalogueEntry } from '../store/records';
import type { BillingContext } from './BillingContext';

/**
 * The wire plans of one catalogue read. The store hands back the same frozen array while
 * its catalogue cache holds, so `GET /plans` builds its answer once per catalogue, not
 * once per request.
 */
const wireOf = new WeakMap<readonly CatalogueEntry[], Plan[]>();

/** What `GET /plans` lists: public plans in display order, each with its prices. */
export async function listPlans(ctx: Pick<BillingContext, 'store'>): Promise<Plan[]> {
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
      })),
      trial_allowed: plan.trial_allowed,
    }));
    wireOf.set(entries, plans);
  }
  return plans;
}
