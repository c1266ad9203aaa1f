import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDate } from '../../../src/contract/formatDate';
import { SubscriptionCard } from '../../../src/components/SubscriptionCard';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { componentRoot, renderWithProxy } from '../../helpers/renderWithProxy';

// Cancel and resume change the proxy's data: every test gets its own copy of the demo seed.
let proxy: TestProxy;
beforeEach(async () => {
  proxy = await startTestProxy();
});
afterEach(async () => {
  await proxy?.close();
});

async function renderCard(subject: string, props: Parameters<typeof SubscriptionCard>[0] = {}) {
  const view = await renderWithProxy(proxy, <SubscriptionCard {...props} />, { subject });
  await waitFor(() => expect(componentRoot(view.container, 'subscription-card')).not.toHaveAttribute('data-state', 'loading'));
  return { ...view, root: componentRoot(view.container, 'subscription-card') };
}

describe('<SubscriptionCard/>', () => {
  it('shows an active subscription: plan, price, period and renewal', async () => {
    const { root } = await renderCard('user_pro');
    expect(root).toHaveAttribute('data-state', 'ready');
    expect(root).toHaveAttribute('data-status', 'active');
    expect(root).not.toHaveAttribute('data-cancel-at-period-end');
    expect(within(root).getByText('Pro')).toBeInTheDocument();
    expect(within(root).getByText('$29.00')).toBeInTheDocument();
    expect(within(root).getByText('per month')).toBeInTheDocument();
    expect(within(root).getByText('Active')).toBeInTheDocument();
    expect(within(root).getByText('Current period')).toBeInTheDocument();
    expect(within(root).getByText('Renews on')).toBeInTheDocument();
    expect(within(root).getByRole('button', { name: 'Cancel subscription' })).toBeEnabled();
    expect(within(root).queryByRole('button', { name: 'Resume subscription' })).not.toBeInTheDocument();
  });

  it('invites a user without a subscription to the plans', async () => {
    const user = userEvent.setup();
    const onUpgrade = vi.fn();
    const { root } = await renderCard('user_free', { onUpgrade });
    expect(root).toHaveAttribute('data-state', 'empty');
    expect(within(root).getByText("You're on the free plan")).toBeInTheDocument();
    await user.click(within(root).getByRole('button', { name: 'View plans' }));
    expect(onUpgrade).toHaveBeenCalledTimes(1);
  });

  it('links to the pricing page when given pricingHref', async () => {
    const { root } = await renderCard('user_free', { pricingHref: '/pricing' });
    expect(within(root).getByRole('link', { name: 'View plans' })).toHaveAttribute('href', '/pricing');
  });

  it.each([
    ['user_trial', 'trialing', 'Trial', /Your free trial ends in 9 days, on .+\. Then \$9\.00 will be charged unless you cancel\./],
    ['user_past_due', 'past_due', 'Past due', /Your last payment of \$9\.00 failed\. We'll try again on /],
    ['user_paused', 'paused', 'Paused', /Your subscription is paused/],
    ['user_incomplete', 'incomplete', 'Incomplete', /first payment hasn't gone through/],
    ['user_canceled', 'canceled', 'Canceled', /Your subscription ended on/],
    ['user_canceling', 'active', 'Canceling', /Your plan will be canceled on/],
  ])('shows %s as %s with its badge and notice', async (subject, status, badge, notice) => {
    const { root } = await renderCard(subject);
    expect(root).toHaveAttribute('data-status', status);
    expect(within(root).getByText(badge)).toBeInTheDocument();
    expect(within(root).getByText(notice)).toBeInTheDocument();
  });

  it('offers "Update payment method" when past due', async () => {
    const user = userEvent.setup();
    const onUpdatePayment = vi.fn();
    const { root } = await renderCard('user_past_due', { onUpdatePayment });
    await user.click(within(root).getByRole('button', { name: 'Update payment method' }));
    expect(onUpdatePayment).toHaveBeenCalledTimes(1);
  });

  it('cancels at the end of the period by default, then resumes', async () => {
    const user = userEvent.setup();
    const { root } = await renderCard('user_pro');
    await user.click(within(root).getByRole('button', { name: 'Cancel subscription' }));

    const dialog = await screen.findByRole('dialog', { name: 'Cancel subscription?' });
    expect(dialog).toHaveAccessibleDescription('Choose when your Pro plan should end.');
    expect(within(dialog).getByRole('radio', { name: 'At the end of the billing period' })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel subscription' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(root).toHaveAttribute('data-cancel-at-period-end'));
    expect(root).toHaveAttribute('data-status', 'active');
    expect(within(root).getByText(/Your plan will be canceled on/)).toBeInTheDocument();
    expect(within(root).queryByRole('button', { name: 'Cancel subscription' })).not.toBeInTheDocument();
    // Keyboard focus moves from the gone dialog to the new action.
    await waitFor(() => expect(within(root).getByRole('button', { name: 'Resume subscription' })).toHaveFocus());

    await user.keyboard('{Enter}');
    await waitFor(() => expect(root).not.toHaveAttribute('data-cancel-at-period-end'));
    await waitFor(() => expect(within(root).getByRole('button', { name: 'Cancel subscription' })).toHaveFocus());
    expect(within(root).getByText('Active')).toBeInTheDocument();
    expect(within(root).getByRole('button', { name: 'Cancel subscription' })).toBeInTheDocument();
  });

  it('cancels immediately when chosen', async () => {
    const user = userEvent.setup();
    const { root } = await renderCard('user_pro');
    await user.click(within(root).getByRole('button', { name: 'Cancel subscription' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'Immediately' }));
    expect(within(dialog).getByRole('radio', { name: 'Immediately' })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel subscription' }));

    await waitFor(() => expect(root).toHaveAttribute('data-status', 'canceled'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(root).getByText('Canceled')).toBeInTheDocument();
    // Canceled and ended today, not "Ended on" the end of the period it no longer runs to.
    const today = formatDate(new Date().toISOString(), 'en-US');
    expect(within(root).getByText('Canceled on')).toBeInTheDocument();
    expect(within(root).getByText(today, { selector: '[data-billkit-part="next-date"]' })).toBeInTheDocument();
    expect(within(root).getByText(`Your subscription ended on ${today}.`)).toBeInTheDocument();
    expect(within(root).queryByText('Ended on')).not.toBeInTheDocument();
  });

  it('says when a canceled subscription was canceled and ended, from canceled_at / ended_at', async () => {
    const { root } = await renderCard('user_canceled');
    const { subscription } = (await (await proxy.fetch('/api/proxy/billing/subscription', { headers: { Authorization: `Bearer ${await proxy.tokenFor('user_canceled')}` } })).json()) as {
      subscription: { canceled_at: string; ended_at: string; current_period_end: string };
    };
    expect(subscription.ended_at < subscription.current_period_end).toBe(true);
    expect(within(root).getByText('Canceled on')).toBeInTheDocument();
    expect(root.querySelector('[data-billkit-part="next-date"]')).toHaveTextContent(formatDate(subscription.canceled_at, 'en-US'));
    expect(within(root).getByText(`Your subscription ended on ${formatDate(subscription.ended_at, 'en-US')}.`)).toBeInTheDocument();
  });

  it('says "Ends on" the period end for a cancellation at period end', async () => {
    const { root } = await renderCard('user_canceling');
    expect(within(root).getByText('Ends on')).toBeInTheDocument();
    expect(within(root).queryByText('Canceled on')).not.toBeInTheDocument();
  });

  it('keeps the subscription when the dialog is dismissed', async () => {
    const user = userEvent.setup();
    const { root, requests } = await renderCard('user_pro');
    await user.click(within(root).getByRole('button', { name: 'Cancel subscription' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Keep subscription' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requests).not.toContain('POST /subscription/cancel');
    expect(root).toHaveAttribute('data-status', 'active');
  });

  it('resumes a paused subscription', async () => {
    const user = userEvent.setup();
    const { root } = await renderCard('user_paused');
    await user.click(within(root).getByRole('button', { name: 'Resume subscription' }));
    await waitFor(() => expect(root).toHaveAttribute('data-status', 'active'));
  });

  it('shows a failed action in place', async () => {
    const user = userEvent.setup();
    const view = await renderWithProxy(proxy, <SubscriptionCard />, {
      subject: 'user_canceling',
      failing: ['/subscription/resume'],
    });
    const root = componentRoot(view.container, 'subscription-card');
    await user.click(await within(root).findByRole('button', { name: 'Resume subscription' }));
    expect(await within(root).findByRole('alert')).toHaveTextContent('The billing service failed.');
    expect(within(root).getByRole('button', { name: 'Resume subscription' })).toBeEnabled();
  });

  it('shows the error with a retry that loads the subscription', async () => {
    const user = userEvent.setup();
    const view = await renderWithProxy(proxy, <SubscriptionCard />, { subject: 'user_pro', failing: ['/subscription'] });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("We couldn't load your subscription.");
    expect(componentRoot(view.container, 'subscription-card')).toHaveAttribute('data-state', 'error');
    view.recover();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(componentRoot(view.container, 'subscription-card')).toHaveAttribute('data-status', 'active'));
  });

  it('takes its strings from the provider labels', async () => {
    await renderWithProxy(proxy, <SubscriptionCard />, {
      subject: 'user_pro',
      labels: { subscriptionCard: { cancel: 'Abonnement kündigen' }, subscriptionStatus: { active: 'Aktiv' } },
      locale: 'de-DE',
    });
    expect(await screen.findByRole('button', { name: 'Abonnement kündigen' })).toBeInTheDocument();
    expect(screen.getByText('29,00 $')).toBeInTheDocument();
    expect(screen.getByText('Aktiv')).toBeInTheDocument();
    // The strings the app did not override keep the component's defaults.
    expect(screen.getByText('Renews on')).toBeInTheDocument();
  });
});
