import type { CatalogueEntry, PlanRecord, PriceRecord, SubscriptionDetail, SubscriptionRecord } from './records';
import { planRow, priceRow, promotionCodeRow, num } from './rows';
import type { Store } from './Store';
import type { Catalogue, StoreSession } from './StoreSession';

/** The catalogue is re-read at least this often, in case another process changed it. */
const CATALOGUE_TTL_MS = 60_000;

/**
 * A cache's age is elapsed time, so it is measured on the monotonic clock: no wall clock
 * (injected or real) and no dev clock jump should keep a stale catalogue or drop a fresh one.
 */
const elapsedMs = () => performance.now();

/** Reads every plan and price in one query (one snapshot), kept when read outside a transaction. */
async function loadCatalogue(s: StoreSession): Promise<Catalogue> {
  const epoch = s.memory.catalogueEpoch;
  const rows = await s.q(`
    select pl.*, p.id as p_id, p.plan_id as p_plan_id, p.amount as p_amount, p.currency as p_currency,
      p.interval as p_interval, p.model as p_model, p.sort_order as p_sort_order, p.usage as p_usage,
      p.unit_label as p_unit_label, p.min_quantity as p_min_quantity, p.max_quantity as p_max_quantity
    from plans pl left join prices p on p.plan_id = pl.id
    order by pl.sort_order, pl.id, p.sort_order, p.id`);
  const byPrice = new Map<string, { price: PriceRecord; plan: PlanRecord }>();
  const publicPlans: (PlanRecord & { prices: PriceRecord[] })[] = [];
  const planById = new Map<string, { record: PlanRecord; entry: (PlanRecord & { prices: PriceRecord[] }) | null }>();
  for (const r of rows) {
    let plan = planById.get(r.id as string);
    if (!plan) {
      const record = planRow(r);
      const entry = record.hidden ? null : { ...record, prices: [] };
      plan = { record, entry };
      planById.set(record.id, plan);
      if (entry) publicPlans.push(entry);
    }
    if (r.p_id) {
      const price = priceRow(r, 'p_');
      byPrice.set(price.id, { price, plan: plan.record });
      plan.entry?.prices.push(price);
    }
  }
  for (const plan of publicPlans) {
    Object.freeze(plan.prices);
    Object.freeze(plan.features);
    Object.freeze(plan);
  }
  const catalogue: Catalogue = { at: elapsedMs(), byPrice, publicPlans: Object.freeze(publicPlans as CatalogueEntry[]) };
  // Not kept when read inside a transaction (it may roll back) or when plans or prices
  // were written while the query ran.
  if (!s.inTransaction && epoch === s.memory.catalogueEpoch) s.memory.catalogue = catalogue;
  return catalogue;
}

/** The cached catalogue when fresh, else a new read. */
function catalogue(s: StoreSession): Promise<Catalogue> {
  const cached = s.memory.catalogue;
  return cached && elapsedMs() - cached.at < CATALOGUE_TTL_MS ? Promise.resolve(cached) : loadCatalogue(s);
}

/** The price and plan of a subscription, from the cached catalogue (re-read when it lacks the price). */
export async function withCatalogue(s: StoreSession, sub: SubscriptionRecord): Promise<SubscriptionDetail> {
  let entry = (await catalogue(s)).byPrice.get(sub.price_id);
  if (!entry) entry = (await loadCatalogue(s)).byPrice.get(sub.price_id);
  if (!entry) throw new Error(`subscription ${sub.id} refers to a missing price ${sub.price_id}`);
  if (!sub.pending_price_id) return { ...sub, price: entry.price, plan: entry.plan };
  const pending = (await catalogue(s)).byPrice.get(sub.pending_price_id) ?? (await loadCatalogue(s)).byPrice.get(sub.pending_price_id);
  return { ...sub, price: entry.price, plan: entry.plan, pending: pending ? { price: pending.price, plan: pending.plan } : null };
}

type CatalogueQueries = Pick<
  Store,
  'insertPlan' | 'insertPrice' | 'setUsageLimit' | 'insertPromotionCode' | 'listPublicPlans' | 'getPrice' | 'getPromotionCode' | 'getUsageLimit' | 'anyUsageRefused'
>;

/** Plans, prices, promotion codes and usage limits: what is sold, read mostly from the cache. */
export function catalogueQueries(s: StoreSession): CatalogueQueries {
  return {
    async insertPlan(plan) {
      s.catalogueChanged();
      await s.insert('plans', { ...plan, features: JSON.stringify(plan.features) });
    },
    async insertPrice(price) {
      s.catalogueChanged();
      await s.insert('prices', { ...price, usage: JSON.stringify(price.usage ?? []) });
    },
    async setUsageLimit(planId, metric, limit) {
      await s.q(`delete from usage_limits where coalesce(plan_id, '') = coalesce($1, '') and metric = $2`, [planId, metric]);
      await s.q(`insert into usage_limits (plan_id, metric, "limit") values ($1, $2, $3)`, [planId, metric, limit]);
    },
    insertPromotionCode: (code) => s.insert('promotion_codes', { ...code }),
    async listPublicPlans() {
      return (await catalogue(s)).publicPlans;
    },
    async getPrice(id) {
      const rows = await s.q(
        `select p.*, pl.id as pl_id, pl.key as pl_key, pl.name as pl_name, pl.description as pl_description,
           pl.features as pl_features, pl.recommended as pl_recommended, pl.hidden as pl_hidden,
           pl.trial_period_days as pl_trial_period_days, pl.trial_by_default as pl_trial_by_default, pl.sort_order as pl_sort_order
         from prices p join plans pl on pl.id = p.plan_id where p.id = $1`,
        [id],
      );
      const r = rows[0];
      return r ? { price: priceRow(r), plan: planRow(r, 'pl_') } : null;
    },
    async getPromotionCode(code) {
      const rows = await s.q(`select * from promotion_codes where code = $1`, [code]);
      return rows[0] ? promotionCodeRow(rows[0]) : null;
    },
    async anyUsageRefused() {
      for (const { price } of (await catalogue(s)).byPrice.values()) {
        if (price.usage?.some((c) => c.at_limit === 'refuse')) return true;
      }
      return false;
    },
    async getUsageLimit(planId, metric) {
      const rows = await s.q<{ limit: unknown }>(
        `select "limit" from usage_limits where coalesce(plan_id, '') = coalesce($1, '') and metric = $2`,
        [planId, metric],
      );
      const r = rows[0];
      if (!r) return undefined;
      return { limit: r.limit === null ? null : num(r.limit) };
    },
  };
}
