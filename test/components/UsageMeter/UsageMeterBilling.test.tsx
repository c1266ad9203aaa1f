import { waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageMeter } from '../../../src/components/UsageMeter';
import { formatDate } from '../../../src/contract/formatDate';
import { formatMoney } from '../../../src/contract/formatMoney';
import { as, fixedClock } from '../../helpers/http';
import { subscribe } from '../../helpers/lifecycle';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { componentRoot, renderWithProxy } from '../../helpers/renderWithProxy';

// The fixed clock puts user_metered 15.5 days into its 31-day period: its 23,500 calls
// project to 47,000 by the period end.
let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy({ now: fixedClock, lifecycle: { timer: false } });
  // A plan of the test's own whose price refuses api_calls past the plan's limit of 5,000.
  await proxy.store.insertPlan({ id: 'plan_capped', key: 'capped', name: 'Capped', description: null, features: [], recommended: false, hidden: false, trial_period_days: null, trial_by_default: false, sort_order: 9 });
  await proxy.store.insertPrice({
    id: 'price_capped',
    plan_id: 'plan_capped',
    amount: 1000,
    currency: 'usd',
    interval: 'month',
    model: 'recurring',
    sort_order: 1,
    usage: [{ metric: 'api_calls', included: 1000, mode: 'graduated', tiers: [{ up_to: null, unit_amount: 100, per: 1000 }], at_limit: 'refuse' }],
  });
  await proxy.store.setUsageLimit('plan_capped', 'api_calls', 5000);
});
afterAll(async () => {
  await proxy?.close();
});

async function renderMeter(subject: string, props: Partial<Parameters<typeof UsageMeter>[0]> = {}) {
  const view = await renderWithProxy(proxy, <UsageMeter metric="api_calls" {...props} />, { subject });
  await waitFor(() => expect(componentRoot(view.container, 'usage-meter')).toHaveAttribute('data-state', 'ready'));
  return { root: componentRoot(view.container, 'usage-meter'), requests: view.requests };
}

const part = (root: HTMLElement, name: string) => root.querySelector<HTMLElement>(`[data-billkit-part="${name}"]`);
const count = (n: number) => n.toLocaleString('en-US');

describe('<UsageMeter/> on a price that bills the metric', () => {
  it("shows user_metered's included and billable units, cost so far and projection, as GET /usage has them", async () => {
    const usage = (await as(proxy, 'user_metered').get('/usage?metric=api_calls')).body;
    expect(usage).toMatchObject({ quantity: 23_500, limit: 10_000, included: 10_000, billable_quantity: 13_500, amount: 2700, currency: 'usd', projection: { quantity: 47_000, amount: 7400 } });

    const { root } = await renderMeter('user_metered');
    expect(within(root).getByText(`${count(usage.included)} included · ${count(usage.billable_quantity)} billable`)).toBeInTheDocument();
    expect(within(root).getByText(`${formatMoney(usage.amount, usage.currency, 'en-US')} so far`)).toBeInTheDocument();
    const end = formatDate(usage.period_end, 'en-US');
    expect(
      within(root).getByText(`Projected: ${count(usage.projection.quantity)} calls, ${formatMoney(usage.projection.amount, usage.currency, 'en-US')} by ${end}`),
    ).toBeInTheDocument();
    // The same, as written out for the demo.
    expect(part(root, 'billing')).toHaveTextContent('10,000 included · 13,500 billable');
    expect(part(root, 'cost')).toHaveTextContent('$27.00 so far');
    expect(part(root, 'projection')).toHaveTextContent(`Projected: 47,000 calls, $74.00 by ${end}`);
    expect(part(root, 'resets')).toHaveTextContent(`Resets on ${end}`);

    expect(root).toHaveAttribute('data-metered');
    expect(root).toHaveAttribute('data-included', '10000');
    expect(root).toHaveAttribute('data-billable', '13500');
    expect(root).toHaveAttribute('data-projected', '47000');
  });

  it('bills past the limit of a price that bills it: not a warning, not danger', async () => {
    const { root, requests } = await renderMeter('user_metered');
    expect(root).toHaveAttribute('data-over-limit');
    expect(root).toHaveAttribute('data-at-limit', 'bill');
    expect(root).not.toHaveAttribute('data-limit-reached');
    expect(root).not.toHaveAttribute('data-near-limit');
    expect(root).toHaveAttribute('data-tone', 'primary');
    const level = part(root, 'level')!;
    expect(level).toHaveTextContent('Over included');
    expect(level).toHaveAttribute('data-tone', 'primary');
    expect(within(root).queryByText('Over limit')).not.toBeInTheDocument();
    // The meter stays within the plan's limit; its text tells the real count.
    const meter = within(root).getByRole('meter', { name: 'API calls' });
    expect(meter).toHaveAttribute('aria-valuenow', '10000');
    expect(meter).toHaveAttribute('aria-valuetext', '23,500 of 10,000');
    // Past the limit the bar reaches to the projection: included, then billed, then projected, and the included units marked.
    const width = (name: string) => parseFloat(part(root, name)!.style.width);
    expect(width('fill')).toBeCloseTo((10_000 / 47_000) * 100, 5);
    expect(width('fill-billable')).toBeCloseTo((13_500 / 47_000) * 100, 5);
    expect(width('fill-projected')).toBeCloseTo((23_500 / 47_000) * 100, 5);
    expect(parseFloat(part(root, 'included-mark')!.style.left)).toBeCloseTo((10_000 / 47_000) * 100, 5);
    // Whether the price refuses at the limit comes from its plan: one request per endpoint.
    for (const endpoint of ['GET /usage', 'GET /subscription', 'GET /plans']) expect(requests.filter((r) => r === endpoint)).toHaveLength(1);
  });

  it('under the limit it asks nothing more than GET /usage, and warns near the limit', async () => {
    const { root, requests } = await renderMeter('user_pro');
    expect(root).toHaveAttribute('data-metered');
    expect(root).toHaveAttribute('data-near-limit');
    expect(root).toHaveAttribute('data-tone', 'warning');
    expect(part(root, 'billing')).toHaveTextContent('10,000 included · 0 billable');
    expect(part(root, 'cost')).toHaveTextContent('$0.00 so far');
    expect(part(root, 'fill-billable')).toBeNull();
    expect(requests).toEqual(['GET /usage']);
  });

  it('writes the projection in the unit the app names, by plural category', async () => {
    const { root } = await renderMeter('user_metered', { unit: { one: 'request', other: 'requests' } });
    expect(part(root, 'projection')).toHaveTextContent(/^Projected: 47,000 requests, \$74\.00 by /);
    const bare = await renderMeter('user_metered', { unit: null });
    expect(part(bare.root, 'projection')).toHaveTextContent(/^Projected: 47,000, \$74\.00 by /);
  });

  it('is danger at the limit of a price that refuses usage there', async () => {
    expect((await subscribe(proxy, 'user_capped', { price_id: 'price_capped' })).status).toBe(200);
    expect((await as(proxy, 'user_capped').post('/usage', { metric: 'api_calls', quantity: 5000 })).status).toBe(200);
    expect((await as(proxy, 'user_capped').post('/usage', { metric: 'api_calls', quantity: 1 })).status).toBe(429);
    const { root } = await renderMeter('user_capped');
    expect(root).toHaveAttribute('data-at-limit', 'refuse');
    expect(root).toHaveAttribute('data-limit-reached');
    expect(root).toHaveAttribute('data-tone', 'danger');
    expect(part(root, 'level')).toHaveTextContent('Limit reached');
    expect(part(root, 'level')).toHaveAttribute('data-tone', 'danger');
    expect(part(root, 'billing')).toHaveTextContent('1,000 included · 4,000 billable');
    expect(part(root, 'cost')).toHaveTextContent('$4.00 so far');
    // A refusing limit is the bar's end: full, the included units marked at a fifth.
    expect(parseFloat(part(root, 'fill')!.style.width) + parseFloat(part(root, 'fill-billable')!.style.width)).toBeCloseTo(100, 5);
    expect(parseFloat(part(root, 'included-mark')!.style.left)).toBeCloseTo(20, 5);
  });

  it('without a price that bills the metric, over the limit is danger as before and no cost is shown', async () => {
    await as(proxy, 'user_trial').post('/usage', { metric: 'api_calls', quantity: 2000 });
    const { root } = await renderMeter('user_trial');
    expect(root).not.toHaveAttribute('data-metered');
    expect(root).toHaveAttribute('data-over-limit');
    expect(root).toHaveAttribute('data-tone', 'danger');
    expect(part(root, 'level')).toHaveTextContent('Over limit');
    expect(within(root).getByText('2,312 of 2,000')).toBeInTheDocument();
    expect(part(root, 'billing')).toBeNull();
    expect(part(root, 'cost')).toBeNull();
    expect(part(root, 'projection')).toBeNull();
    expect(part(root, 'included-mark')).toBeNull();
  });
});
