import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PricingTable } from '../../../src/components/PricingTable';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { componentRoot, renderWithProxy } from '../../helpers/renderWithProxy';
import { as } from '../../helpers/http';

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(async () => {
  await proxy?.close();
});

const plan = (name: string) => screen.getByRole('article', { name });

describe('<PricingTable/>', () => {
  it('shows a skeleton while loading, then the public plans with monthly prices', async () => {
    const { container } = await renderWithProxy(proxy, <PricingTable />, { subject: 'user_free' });
    expect(componentRoot(container, 'pricing-table')).toHaveAttribute('data-state', 'loading');
    expect(componentRoot(container, 'pricing-table')).toHaveAttribute('aria-busy', 'true');

    expect(await screen.findByRole('article', { name: 'Starter' })).toBeInTheDocument();
    const root = componentRoot(container, 'pricing-table');
    expect(root).toHaveAttribute('data-state', 'ready');
    expect(root).toHaveAttribute('data-interval', 'month');
    expect(within(plan('Starter')).getByText('$9.00')).toBeInTheDocument();
    expect(within(plan('Pro')).getByText('$29.00')).toBeInTheDocument();
    // The hidden Enterprise plan is not listed.
    expect(screen.queryByRole('article', { name: 'Enterprise' })).not.toBeInTheDocument();
  });

  it('highlights the recommended plan and names features readably', async () => {
    await renderWithProxy(proxy, <PricingTable featureLabels={{ '25_seats': 'Up to 25 teammates' }} />, { subject: 'user_free' });
    const pro = await screen.findByRole('article', { name: 'Pro' });
    expect(pro).toHaveAttribute('data-recommended');
    expect(within(pro).getByText('Most popular')).toBeInTheDocument();
    expect(plan('Starter')).not.toHaveAttribute('data-recommended');

    const features = within(pro).getByRole('list', { name: 'Pro features' });
    expect(within(features).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Basic analytics',
      'Advanced analytics',
      'API access',
      'Up to 25 teammates',
    ]);
    expect(within(plan('Starter')).getByText('5 seats')).toBeInTheDocument();
  });

  it('switches to yearly prices with the Radix switch, showing the savings computed from the prices', async () => {
    const user = userEvent.setup();
    const { container } = await renderWithProxy(proxy, <PricingTable />, { subject: 'user_free' });
    const toggle = await screen.findByRole('group', { name: 'Billing interval' });
    // Starter: 8640 a year against 12 × 900 → 20%; Pro: 27840 against 12 × 2900 → 20%.
    const yearly = within(toggle).getByRole('switch', { name: 'Yearly billing' });
    expect(yearly).toHaveAccessibleDescription('Save 20%');
    expect(yearly).not.toBeChecked();
    expect(yearly).toHaveAttribute('data-state', 'unchecked');
    const option = (interval: string) => toggle.querySelector(`[data-billkit-part="interval-option"][data-interval="${interval}"]`);
    expect(option('month')).toHaveAttribute('data-state', 'checked');
    expect(option('month')).toHaveTextContent('Monthly');
    expect(option('year')).toHaveTextContent('Yearly');

    await user.click(yearly);
    expect(yearly).toBeChecked();
    expect(yearly).toHaveAttribute('data-state', 'checked');
    expect(option('year')).toHaveAttribute('data-state', 'checked');
    expect(option('month')).toHaveAttribute('data-state', 'unchecked');
    expect(componentRoot(container, 'pricing-table')).toHaveAttribute('data-interval', 'year');
    expect(within(plan('Starter')).getByText('$86.40')).toBeInTheDocument();
    expect(within(plan('Starter')).getByText('per year')).toBeInTheDocument();
    expect(within(plan('Starter')).getByText('$7.20 per month, billed yearly')).toBeInTheDocument();
    expect(within(plan('Pro')).getByText('$278.40')).toBeInTheDocument();

    await user.click(yearly);
    expect(yearly).not.toBeChecked();
    expect(componentRoot(container, 'pricing-table')).toHaveAttribute('data-interval', 'month');
    expect(within(plan('Starter')).getByText('$9.00')).toBeInTheDocument();
  });

  it('selects the interval of the side label that is clicked (clicking it again keeps it)', async () => {
    const user = userEvent.setup();
    const { container } = await renderWithProxy(proxy, <PricingTable />, { subject: 'user_free' });
    const toggle = await screen.findByRole('group', { name: 'Billing interval' });
    const yearly = within(toggle).getByRole('switch', { name: 'Yearly billing' });
    const root = componentRoot(container, 'pricing-table');

    await user.click(within(toggle).getByText('Yearly'));
    expect(yearly).toBeChecked();
    expect(root).toHaveAttribute('data-interval', 'year');
    await user.click(within(toggle).getByText('Yearly'));
    expect(root).toHaveAttribute('data-interval', 'year');
    // The savings badge belongs to the yearly side.
    await user.click(within(toggle).getByText('Monthly'));
    expect(yearly).not.toBeChecked();
    expect(root).toHaveAttribute('data-interval', 'month');
    await user.click(within(toggle).getByText('Save 20%'));
    expect(root).toHaveAttribute('data-interval', 'year');
    await user.click(within(toggle).getByText('Monthly'));
    await user.click(within(toggle).getByText('Monthly'));
    expect(root).toHaveAttribute('data-interval', 'month');
    expect(within(plan('Pro')).getByText('$29.00')).toBeInTheDocument();
  });

  it('toggles with the keyboard: Space and Enter on the focused switch', async () => {
    const user = userEvent.setup();
    const { container } = await renderWithProxy(proxy, <PricingTable defaultInterval="year" />, { subject: 'user_free' });
    const yearly = await screen.findByRole('switch', { name: 'Yearly billing' });
    const root = componentRoot(container, 'pricing-table');
    expect(yearly).toBeChecked();
    expect(root).toHaveAttribute('data-interval', 'year');

    await user.tab();
    expect(yearly).toHaveFocus();
    await user.keyboard(' ');
    expect(yearly).not.toBeChecked();
    expect(root).toHaveAttribute('data-interval', 'month');
    await user.keyboard('{Enter}');
    expect(yearly).toBeChecked();
    expect(root).toHaveAttribute('data-interval', 'year');
  });

  it('calls onSelect with the price of the selected interval, its plan and the quantity', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    await renderWithProxy(proxy, <PricingTable onSelect={onSelect} />, { subject: 'user_free' });
    await user.click(await screen.findByRole('button', { name: 'Get Pro' }));
    expect(onSelect).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'price_pro_monthly', amount: 2900, interval: 'month' }),
      expect.objectContaining({ id: 'plan_pro' }),
      1,
    );

    await user.click(screen.getByRole('switch', { name: 'Yearly billing' }));
    await user.click(screen.getByRole('button', { name: 'Get Starter' }));
    expect(onSelect).toHaveBeenLastCalledWith(
      expect.objectContaining({ id: 'price_starter_annual', interval: 'year' }),
      expect.objectContaining({ id: 'plan_starter' }),
      1,
    );
  });

  it('keeps the button pending while a returned promise runs', async () => {
    const user = userEvent.setup();
    let finish!: () => void;
    const onSelect = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    await renderWithProxy(proxy, <PricingTable onSelect={onSelect} />, { subject: 'user_free' });
    await user.click(await screen.findByRole('button', { name: 'Get Starter' }));
    const pending = screen.getByRole('button', { name: 'Redirecting…' });
    expect(pending).toBeDisabled();
    expect(pending).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('button', { name: 'Get Pro' })).toBeDisabled();
    finish();
    expect(await screen.findByRole('button', { name: 'Get Starter' })).toBeEnabled();
  });

  it('starts a hosted checkout through the proxy when no onSelect is given', async () => {
    const user = userEvent.setup();
    const assign = vi.fn();
    const location = window.location;
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...location, href: location.href, assign } as Location);
    try {
      const { requests } = await renderWithProxy(
        proxy,
        <PricingTable successUrl="https://app.example/billing?ok=1" cancelUrl="https://app.example/pricing" />,
        { subject: 'user_free' },
      );
      await user.click(await screen.findByRole('button', { name: 'Get Pro' }));
      await waitFor(() => expect(assign).toHaveBeenCalledTimes(1));
      expect(String(assign.mock.calls[0]![0])).toMatch(/\/billing\/checkout\//);
      expect(requests).toContain('POST /checkout');
      expect(screen.getByRole('button', { name: 'Redirecting…' })).toBeDisabled();
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('with trials, offers each plan\'s trial to a subject that never had one and asks the checkout for it', async () => {
    const user = userEvent.setup();
    const assign = vi.fn();
    const location = window.location;
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...location, href: location.href, assign } as Location);
    try {
      await renderWithProxy(proxy, <PricingTable trials successUrl="https://app.example/billing" />, { subject: 'user_free' });
      const pro = await screen.findByRole('article', { name: 'Pro' });
      expect(within(pro).getByText('14-day free trial')).toBeInTheDocument();
      expect(within(plan('Starter')).getByText('14-day free trial')).toBeInTheDocument();
      await user.click(within(pro).getByRole('button', { name: 'Get Pro' }));
      await waitFor(() => expect(assign).toHaveBeenCalledTimes(1));
      const sessionId = decodeURIComponent(String(assign.mock.calls[0]![0]).split('/billing/checkout/')[1]!);
      expect((await as(proxy, 'user_free').get(`/checkout/${encodeURIComponent(sessionId)}`)).body).toMatchObject({ trial_days: 14, amount_due_today: 0 });
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('offers no trial without trials, nor to a subject that already had a paid subscription', async () => {
    const first = await renderWithProxy(proxy, <PricingTable />, { subject: 'user_free' });
    await screen.findByRole('article', { name: 'Pro' });
    expect(screen.queryByText('14-day free trial')).not.toBeInTheDocument();
    first.unmount();
    await renderWithProxy(proxy, <PricingTable trials />, { subject: 'user_pro' });
    await waitFor(() => expect(plan('Pro')).toHaveAttribute('data-current'));
    expect(screen.queryByText('14-day free trial')).not.toBeInTheDocument();
  });

  it("marks the caller's current plan and disables its button", async () => {
    await renderWithProxy(proxy, <PricingTable />, { subject: 'user_pro' });
    const pro = await screen.findByRole('article', { name: 'Pro' });
    await waitFor(() => expect(pro).toHaveAttribute('data-current'));
    expect(within(pro).getByRole('button', { name: 'Current plan' })).toBeDisabled();
    expect(plan('Starter')).not.toHaveAttribute('data-current');
    expect(within(plan('Starter')).getByRole('button', { name: 'Get Starter' })).toBeEnabled();
  });

  it('shows the error with a retry that loads the plans', async () => {
    const user = userEvent.setup();
    const { container, recover } = await renderWithProxy(proxy, <PricingTable />, { subject: 'user_free', failing: ['/plans'] });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("We couldn't load the plans.");
    expect(alert).toHaveTextContent('The billing service failed.');
    expect(componentRoot(container, 'pricing-table')).toHaveAttribute('data-state', 'error');

    recover();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('article', { name: 'Pro' })).toBeInTheDocument();
    expect(componentRoot(container, 'pricing-table')).toHaveAttribute('data-state', 'ready');
  });
});

describe('<PricingTable/> with other catalogues', () => {
  let own: TestProxy;
  beforeAll(async () => {
    own = await startTestProxy({ seed: 'none' });
  });
  afterAll(async () => {
    await own?.close();
  });

  it('shows the empty state when the proxy lists no plans', async () => {
    const { container } = await renderWithProxy(own, <PricingTable />, { subject: 'user_free' });
    expect(await screen.findByText('No plans available')).toBeInTheDocument();
    expect(componentRoot(container, 'pricing-table')).toHaveAttribute('data-state', 'empty');
  });

  it('formats a zero-decimal currency and hides the toggle without yearly prices', async () => {
    await own.store.insertPlan({
      id: 'plan_solo',
      key: 'solo',
      name: 'Solo',
      description: null,
      features: ['api_access'],
      recommended: false,
      hidden: false,
      trial_period_days: null, trial_by_default: false,
      sort_order: 1,
    });
    await own.store.insertPrice({ id: 'price_solo_jpy', plan_id: 'plan_solo', amount: 980, currency: 'jpy', interval: 'month', model: 'recurring', sort_order: 1 });
    await renderWithProxy(own, <PricingTable />, { subject: 'user_free' });
    const solo = await screen.findByRole('article', { name: 'Solo' });
    expect(within(solo).getByText('¥980')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Billing interval' })).not.toBeInTheDocument();
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
  });
});
