import { describe, expect, it } from 'vitest';
import type { PriceUsage } from '../../../src/contract/types';
import { checkUsageComponent, priceUsage } from '../../../src/server/billing/usagePricing';

/** The demo's Pro monthly: 10,000 included, $2.00 per 1,000 up to 100,000, then $1.50 per 1,000. */
const pro: PriceUsage = {
  metric: 'api_calls',
  included: 10_000,
  mode: 'graduated',
  tiers: [
    { up_to: 100_000, unit_amount: 200, per: 1000 },
    { up_to: null, unit_amount: 150, per: 1000 },
  ],
  at_limit: 'bill',
};

/** A volume price: 1,000 included; $0.10, $0.08, $0.05 per 1,000 for totals up to 10,000, 50,000, beyond. */
const volume: PriceUsage = {
  metric: 'api_calls',
  included: 1000,
  mode: 'volume',
  tiers: [
    { up_to: 10_000, unit_amount: 100, per: 1000 },
    { up_to: 50_000, unit_amount: 80, per: 1000 },
    { up_to: null, unit_amount: 50, per: 1000 },
  ],
  at_limit: 'bill',
};

const t = (up_to: number | null, unit_amount: number, per: number, quantity: number, amount: number) => ({ up_to, unit_amount, per, quantity, amount });

describe('graduated usage prices', () => {
  it('charges nothing up to and at the included units', () => {
    expect(priceUsage(pro, 0)).toEqual({ billable: 0, tiers: [], amount: 0 });
    expect(priceUsage(pro, 9_999)).toEqual({ billable: 0, tiers: [], amount: 0 });
    expect(priceUsage(pro, 10_000)).toEqual({ billable: 0, tiers: [], amount: 0 });
  });

  it('prices the first units past the included ones in the first tier, rounding the line once, half up', () => {
    expect(priceUsage(pro, 10_001)).toEqual({ billable: 1, tiers: [t(100_000, 200, 1000, 1, 0.2)], amount: 0 });
    expect(priceUsage(pro, 10_002).amount).toBe(0); // 0.4
    expect(priceUsage(pro, 10_003).amount).toBe(1); // 0.6
    expect(priceUsage(pro, 23_500)).toEqual({ billable: 13_500, tiers: [t(100_000, 200, 1000, 13_500, 2700)], amount: 2700 });
  });

  it('fills the first tier up to its up_to, a total that counts the included units', () => {
    expect(priceUsage(pro, 99_999)).toEqual({ billable: 89_999, tiers: [t(100_000, 200, 1000, 89_999, 17_999.8)], amount: 18_000 });
    expect(priceUsage(pro, 100_000)).toEqual({ billable: 90_000, tiers: [t(100_000, 200, 1000, 90_000, 18_000)], amount: 18_000 });
  });

  it('prices the units across a boundary in the tier each falls in', () => {
    expect(priceUsage(pro, 100_001)).toEqual({
      billable: 90_001,
      tiers: [t(100_000, 200, 1000, 90_000, 18_000), t(null, 150, 1000, 1, 0.15)],
      amount: 18_000,
    });
    expect(priceUsage(pro, 110_000)).toEqual({
      billable: 100_000,
      tiers: [t(100_000, 200, 1000, 90_000, 18_000), t(null, 150, 1000, 10_000, 1500)],
      amount: 19_500,
    });
  });

  it('sums the tiers exactly and rounds once: 0.4 + 0.3 is 1, not 0 + 0', () => {
    const small: PriceUsage = { ...pro, included: 0, tiers: [{ up_to: 2, unit_amount: 200, per: 1000 }, { up_to: null, unit_amount: 150, per: 1000 }] };
    const price = priceUsage(small, 4);
    expect(price.tiers.map((x) => x.amount)).toEqual([0.4, 0.3]);
    expect(price.amount).toBe(1);
  });

  it('rounds half up', () => {
    const half: PriceUsage = { ...pro, included: 0, tiers: [{ up_to: null, unit_amount: 5, per: 10 }] };
    expect(priceUsage(half, 1).amount).toBe(1); // 0.5
    expect(priceUsage(half, 3).amount).toBe(2); // 1.5
    expect(priceUsage(half, 2).amount).toBe(1); // 1.0
  });

  it('skips a tier the included units cover whole', () => {
    const c: PriceUsage = { ...pro, included: 150, tiers: [{ up_to: 100, unit_amount: 1000, per: 1 }, { up_to: null, unit_amount: 10, per: 1 }] };
    expect(priceUsage(c, 160)).toEqual({ billable: 10, tiers: [t(null, 10, 1, 10, 100)], amount: 100 });
  });
});

describe('volume usage prices', () => {
  it('charges nothing up to the included units', () => {
    expect(priceUsage(volume, 1000)).toEqual({ billable: 0, tiers: [], amount: 0 });
  });

  it('prices every billable unit at the tier the total falls in, at and across each boundary', () => {
    expect(priceUsage(volume, 1001)).toEqual({ billable: 1, tiers: [t(10_000, 100, 1000, 1, 0.1)], amount: 0 });
    expect(priceUsage(volume, 10_000)).toEqual({ billable: 9000, tiers: [t(10_000, 100, 1000, 9000, 900)], amount: 900 });
    expect(priceUsage(volume, 10_001)).toEqual({ billable: 9001, tiers: [t(50_000, 80, 1000, 9001, 720.08)], amount: 720 });
    expect(priceUsage(volume, 50_000)).toEqual({ billable: 49_000, tiers: [t(50_000, 80, 1000, 49_000, 3920)], amount: 3920 });
    expect(priceUsage(volume, 50_001)).toEqual({ billable: 49_001, tiers: [t(null, 50, 1000, 49_001, 2450.05)], amount: 2450 });
  });
});

describe('checkUsageComponent', () => {
  it('accepts the demo component and refuses tiers that cannot price every quantity', () => {
    expect(() => checkUsageComponent(pro)).not.toThrow();
    expect(() => checkUsageComponent({ ...pro, tiers: [] })).toThrow(/at least one tier/);
    expect(() => checkUsageComponent({ ...pro, tiers: [{ up_to: 10, unit_amount: 1, per: 1 }] })).toThrow(/last tier/);
    expect(() => checkUsageComponent({ ...pro, tiers: [{ up_to: 10, unit_amount: 1, per: 1 }, { up_to: 5, unit_amount: 1, per: 1 }, { up_to: null, unit_amount: 1, per: 1 }] })).toThrow(/above/);
    expect(() => checkUsageComponent({ ...pro, tiers: [{ up_to: null, unit_amount: 1, per: 0 }] })).toThrow(/per/);
  });
});
