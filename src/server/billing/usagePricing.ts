import type { InvoiceLineTier, PriceUsage } from '../../contract/types';

/** What a quantity of one metric costs under a usage component. */
export interface UsagePrice {
  /** The period's units beyond `included`. */
  billable: number;
  /** The tiers that priced units (graduated: each with units in it; volume: the one the total falls in). */
  tiers: InvoiceLineTier[];
  /** The line's amount in minor units: the exact sum over the tiers, rounded once, half up. */
  amount: number;
}

/** A non-negative rational `n / d` (BigInt, so no sum of tiers ever loses a unit). */
interface Ratio {
  n: bigint;
  d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
const add = (x: Ratio, y: Ratio): Ratio => {
  const n = x.n * y.d + y.n * x.d;
  const d = x.d * y.d;
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
};
/** Half up: ⌊n/d + 1/2⌋ = ⌊(2n + d) / 2d⌋ for n ≥ 0. */
const roundHalfUp = (r: Ratio): number => Number((2n * r.n + r.d) / (2n * r.d));
const units = (quantity: number): bigint => BigInt(Math.max(0, Math.floor(quantity)));

/** The exact amount of `quantity` units at `unit_amount` per `per` units. */
function tierRatio(quantity: number, unitAmount: number, per: number): Ratio {
  return { n: units(quantity) * BigInt(unitAmount), d: BigInt(per) };
}

/**
 * Throws when a component cannot price every quantity: it needs at least one tier, each
 * `up_to` above the one before, `null` (no bound) on the last tier only, non-negative
 * integer `unit_amount` and `included`, and a positive integer `per`.
 */
export function checkUsageComponent(component: PriceUsage): void {
  const { tiers, included } = component;
  const fail = (why: string) => {
    throw new Error(`usage component ${component.metric}: ${why}`);
  };
  if (!Number.isInteger(included) || included < 0) fail('included must be a non-negative integer');
  if (tiers.length === 0) fail('needs at least one tier');
  let below = 0;
  tiers.forEach((tier, i) => {
    const last = i === tiers.length - 1;
    if (last !== (tier.up_to === null)) fail('only the last tier has up_to null');
    if (tier.up_to !== null && (!Number.isInteger(tier.up_to) || tier.up_to <= below)) fail('up_to must be integers, each above the one before');
    if (!Number.isInteger(tier.unit_amount) || tier.unit_amount < 0) fail('unit_amount must be a non-negative integer');
    if (!Number.isInteger(tier.per) || tier.per < 1) fail('per must be a positive integer');
    below = tier.up_to ?? below;
  });
}

/**
 * Prices `quantity` units of a period under `component`, exactly. Included units are free
 * and count toward the tiers' `up_to` (which are totals of the period): with 10,000
 * included and a first tier up to 100,000, that tier prices units 10,001 to 100,000.
 * - graduated: each tier prices the billable units that fall in its range;
 * - volume: every billable unit is priced at the tier the period's total falls in.
 *
 * A tier's amount is `units × unit_amount / per`, kept exact (a rational); the line's
 * amount is their sum rounded once, half up, to minor units.
 */
export function priceUsage(component: PriceUsage, quantity: number): UsagePrice {
  const total = Math.max(0, Math.floor(quantity));
  const billable = Math.max(0, total - component.included);
  const applied: { tier: PriceUsage['tiers'][number]; quantity: number; ratio: Ratio }[] = [];
  if (billable > 0) {
    if (component.mode === 'volume') {
      const tier = component.tiers.find((t) => t.up_to === null || total <= t.up_to) ?? component.tiers[component.tiers.length - 1]!;
      applied.push({ tier, quantity: billable, ratio: tierRatio(billable, tier.unit_amount, tier.per) });
    } else {
      let lower = 0;
      for (const tier of component.tiers) {
        const upper = tier.up_to ?? Infinity;
        const inTier = Math.max(0, Math.min(total, upper) - Math.max(lower, component.included));
        if (inTier > 0) applied.push({ tier, quantity: inTier, ratio: tierRatio(inTier, tier.unit_amount, tier.per) });
        if (total <= upper) break;
        lower = upper;
      }
    }
  }
  const sum = applied.reduce<Ratio>((acc, a) => add(acc, a.ratio), { n: 0n, d: 1n });
  return {
    billable,
    tiers: applied.map(({ tier, quantity: q, ratio }) => ({
      up_to: tier.up_to,
      unit_amount: tier.unit_amount,
      per: tier.per,
      quantity: q,
      amount: Number(ratio.n) / Number(ratio.d),
    })),
    amount: roundHalfUp(sum),
  };
}
