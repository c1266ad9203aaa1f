import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvoiceList } from '../../../src/components/InvoiceList';
import { planChange, planChangeAction, planChangeWith } from '../../../src/components/PlanChangeDialog';
import { PricingTable } from '../../../src/components/PricingTable';
import { SubscriptionCard } from '../../../src/components/SubscriptionCard';
import { SubscriptionPaymentDetails } from '../../../src/components/SubscriptionPaymentDetails';
import type { Price, Subscription } from '../../../src/contract/types';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { componentRoot, renderWithProxy } from '../../helpers/renderWithProxy';
import { PaymentMethodForm } from '../../../src/components/PaymentMethodForm';
import { PayInvoiceButton } from '../../../src/components/SubscriptionPaymentDetails';

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(async () => {
  await proxy?.close();
});

const plan = (name: string) => screen.getByRole('article', { name });
const changePart = () => document.querySelector<HTMLElement>('[data-billkit-part="plan-change"]')!;

/** Types a card into the (only) card form on the page. */
async function typeCard(user: ReturnType<typeof userEvent.setup>, number: string) {
  await user.type(screen.getByLabelText('Card number'), number);
  await user.type(screen.getByLabelText('Expiration date'), '1230');
  await user.type(screen.getByLabelText('Security code'), '123');
  await user.type(screen.getByLabelText('Postal code'), '12345');
}

describe('planChangeAction', () => {
  const subscription = {
    plan: { id: 'plan_pro', name: 'Pro' },
    price: { id: 'price_pro_monthly', amount: 2900, interval: 'month', currency: 'usd' },
  } as Subscription;
  const price = (id: string, amount: number, interval: Price['interval']) => ({ id, amount, interval, currency: 'usd' }) as Price;

  it('names the current price, a switch of interval, an upgrade and a downgrade (compared per year)', () => {
    expect(planChangeAction(subscription, price('price_pro_monthly', 2900, 'month'), 'plan_pro')).toBe('current');
    expect(planChangeAction(subscription, price('price_pro_annual', 27840, 'year'), 'plan_pro')).toBe('switch_to_yearly');
    expect(planChangeAction(subscription, price('price_starter_monthly', 900, 'month'), 'plan_starter')).toBe('downgrade');
    // $86.40 a year is less than $29 a month: still a downgrade.
    expect(planChangeAction(subscription, price('price_starter_annual', 8640, 'year'), 'plan_starter')).toBe('downgrade');
    expect(planChangeAction(subscription, price('price_team_monthly', 4900, 'month'), 'plan_team')).toBe('upgrade');
  });
});

describe('<PricingTable planChange={planChange}/>', () => {
  it("labels a subscriber's cards Current plan, Downgrade and Switch to yearly", async () => {
    const user = userEvent.setup();
    await renderWithProxy(proxy, <PricingTable planChange={planChange} />, { subject: 'user_pro' });
    await waitFor(() => expect(within(plan('Pro')).getByRole('button', { name: 'Current plan' })).toBeDisabled());
    expect(within(plan('Starter')).getByRole('button', { name: 'Downgrade' })).toBeEnabled();

    await user.click(screen.getByRole('switch'));
    expect(within(plan('Pro')).getByRole('button', { name: 'Switch to yearly' })).toHaveAttribute('data-billkit-part', 'change');
    // The badge still marks the plan the subscriber is on.
    expect(plan('Pro')).toHaveAttribute('data-current');
  });

  it("takes the provider's paymentMethod labels for its buttons; planChangeWith's win over them", async () => {
    const labels = { paymentMethod: { downgrade: 'Herabstufen' } };
    const first = await renderWithProxy(proxy, <PricingTable planChange={planChange} />, { subject: 'user_pro', labels });
    await waitFor(() => expect(within(plan('Starter')).getByRole('button', { name: 'Herabstufen' })).toBeEnabled());
    first.unmount();
    await renderWithProxy(proxy, <PricingTable planChange={planChangeWith({ downgrade: 'Go smaller' })} />, { subject: 'user_pro', labels });
    await waitFor(() => expect(within(plan('Starter')).getByRole('button', { name: 'Go smaller' })).toBeEnabled());
  });

  it('keeps the checkout buttons for a caller without a subscription', async () => {
    await renderWithProxy(proxy, <PricingTable planChange={planChange} />, { subject: 'user_free' });
    expect(await screen.findByRole('button', { name: 'Get Pro' })).toHaveAttribute('data-billkit-part', 'subscribe');
  });

  it('keeps checkout for a subscription the proxy cannot change (past due)', async () => {
    await renderWithProxy(proxy, <PricingTable planChange={planChange} />, { subject: 'user_past_due' });
    expect(await screen.findByRole('button', { name: 'Get Pro' })).toHaveAttribute('data-billkit-part', 'subscribe');
    expect(screen.queryByRole('button', { name: 'Upgrade' })).not.toBeInTheDocument();
  });

  it('upgrades to yearly from the preview: the amount shown is the invoice charged', async () => {
    const user = userEvent.setup();
    const { requests } = await renderWithProxy(
      proxy,
      <>
        <PricingTable planChange={planChange} />
        <SubscriptionCard />
        <InvoiceList />
      </>,
      { subject: 'user_pro' },
    );
    await waitFor(() => expect(within(plan('Pro')).getByRole('button', { name: 'Current plan' })).toBeDisabled());
    await user.click(screen.getByRole('switch'));
    await user.click(within(plan('Pro')).getByRole('button', { name: 'Switch to yearly' }));

    const dialog = await screen.findByRole('dialog', { name: 'Switch to Pro (yearly)' });
    await waitFor(() => expect(changePart()).toHaveAttribute('data-state', 'ready'), { timeout: 10_000 });
    expect(changePart()).toHaveAttribute('data-effective', 'now');
    const due = within(dialog).getByText((_, el) => el?.getAttribute('data-billkit-part') === 'amount-due-today').textContent!;
    expect(due).toMatch(/^\$\d+\.\d\d$/);
    // The description sums it up: "$X due today, then $Y on <date>".
    expect(dialog).toHaveAccessibleDescription(new RegExp(`^\\${due} due today, then \\$[\\d,.]+ on `));
    // A credit for the unused month and a charge for the year.
    expect(within(dialog).getAllByText((_, el) => el?.getAttribute('data-billkit-part') === 'preview-line').length).toBeGreaterThanOrEqual(2);

    await user.click(within(dialog).getByRole('button', { name: `Pay ${due} and switch` }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), { timeout: 10_000 });
    expect(requests.filter((r) => r === 'POST /subscription/change')).toHaveLength(1);

    // The card shows the yearly price, and the new invoice is the amount previewed.
    const card = document.querySelector('[data-billkit-component="subscription-card"]')!;
    await waitFor(() => expect(card.querySelector('[data-billkit-part="price"]')).toHaveAttribute('data-interval', 'year'));
    await waitFor(() => {
      const first = document.querySelector('[data-billkit-part="invoice"]')!;
      expect(first).toHaveAttribute('data-status', 'paid');
      expect(first).toHaveTextContent(due);
    });
  });
});

describe('<PlanChangeDialog/> declined', () => {
  // Its own proxy: user_pro must still be on the monthly price.
  let proxy: TestProxy;
  beforeAll(async () => {
    proxy = await startTestProxy();
  });
  afterAll(async () => {
    await proxy?.close();
  });

  it('shows the decline with a way to update the card, then the change goes through', async () => {
    const user = userEvent.setup();
    await renderWithProxy(
      proxy,
      <>
        <SubscriptionCard paymentDetails={SubscriptionPaymentDetails} />
        <PricingTable planChange={planChange} />
      </>,
      { subject: 'user_pro' },
    );
    // Put a card on file whose every charge is declined.
    const line = await waitFor(() => {
      const element = document.querySelector<HTMLElement>('[data-billkit-part="payment-method"]');
      expect(element).not.toHaveAttribute('data-state', 'loading');
      return element!;
    });
    await user.click(within(line).getByRole('button'));
    await typeCard(user, '4000000000000341');
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Save card' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), { timeout: 10_000 });

    await user.click(screen.getByRole('switch'));
    await user.click(within(plan('Pro')).getByRole('button', { name: 'Switch to yearly' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(changePart()).toHaveAttribute('data-state', 'ready'), { timeout: 10_000 });
    await user.click(within(dialog).getByRole('button', { name: /^Pay .* and switch$/ }));
    await waitFor(() => expect(changePart()).toHaveAttribute('data-state', 'declined'), { timeout: 10_000 });
    expect(within(dialog).getByRole('alert')).toHaveTextContent(/declined/i);

    await user.click(within(dialog).getByRole('button', { name: 'Update payment method' }));
    expect(changePart()).toHaveAttribute('data-state', 'update_card');
    await typeCard(user, '4242424242424242');
    await user.click(within(dialog).getByRole('button', { name: 'Save card' }));
    await waitFor(() => expect(changePart()).toHaveAttribute('data-state', 'ready'), { timeout: 10_000 });
    await user.click(within(dialog).getByRole('button', { name: /^Pay .* and switch$/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), { timeout: 10_000 });
    await waitFor(() =>
      expect(document.querySelector('[data-billkit-component="subscription-card"] [data-billkit-part="price"]')).toHaveAttribute('data-interval', 'year'),
    );
  });
});

describe('<PaymentMethodForm/> and <PayInvoiceButton/>', () => {
  // Its own proxy: user_past_due's open invoice is paid here and by the recovery below.
  let proxy: TestProxy;
  beforeAll(async () => {
    proxy = await startTestProxy();
  });
  afterAll(async () => {
    await proxy?.close();
  });

  it('attaches a card after the 3-D Secure step, and Pay on an open invoice pays it', async () => {
    const user = userEvent.setup();
    const { container } = await renderWithProxy(
      proxy,
      <>
        <PaymentMethodForm />
        <InvoiceList payButton={PayInvoiceButton} />
      </>,
      { subject: 'user_past_due' },
    );
    await typeCard(user, '4000002500003155');
    await user.click(screen.getByRole('button', { name: 'Save card' }));
    const challenge = await screen.findByRole('dialog', { name: 'Confirm your payment' });
    expect(componentRoot(container, 'payment-method-form')).toHaveAttribute('data-state', 'requires_action');
    await user.click(within(challenge).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(componentRoot(container, 'payment-method-form')).toHaveAttribute('data-state', 'saved'), { timeout: 10_000 });

    const open = await waitFor(() => {
      const row = container.querySelector<HTMLElement>('[data-billkit-part="invoice"][data-status="open"]');
      expect(row).toBeInTheDocument();
      return row!;
    });
    const id = open.getAttribute('data-invoice-id');
    // Only open invoices offer Pay.
    expect(container.querySelectorAll('[data-billkit-part="pay"]')).toHaveLength(container.querySelectorAll('[data-status="open"]').length);
    await user.click(within(open).getByRole('button', { name: /^Pay invoice of / }));
    await waitFor(() => expect(container.querySelector(`[data-invoice-id="${id}"]`)).toHaveAttribute('data-status', 'paid'), { timeout: 10_000 });
  });
});

describe('<SubscriptionCard paymentDetails={SubscriptionPaymentDetails}/>', () => {
  it('shows the card on file and updates it through the dialog', async () => {
    const user = userEvent.setup();
    await renderWithProxy(proxy, <SubscriptionCard paymentDetails={SubscriptionPaymentDetails} />, { subject: 'user_trial' });
    const line = await waitFor(() => {
      const element = document.querySelector<HTMLElement>('[data-billkit-part="payment-method"]');
      expect(element).not.toHaveAttribute('data-state', 'loading');
      return element!;
    });
    await user.click(within(line).getByRole('button'));
    const dialog = await screen.findByRole('dialog', { name: 'Update payment method' });
    await typeCard(user, '5555555555554444');
    await user.click(within(dialog).getByRole('button', { name: 'Save card' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), { timeout: 10_000 });
    expect(line).toHaveAttribute('data-state', 'ready');
    expect(line).toHaveTextContent('Mastercard •••• 4444, expires 12/30');
  });

  it('downgrades at the period end, shows the pending change, and Keep Pro undoes it', async () => {
    const user = userEvent.setup();
    await renderWithProxy(
      proxy,
      <>
        <PricingTable planChange={planChange} />
        <SubscriptionCard paymentDetails={SubscriptionPaymentDetails} />
      </>,
      { subject: 'user_pro' },
    );
    // Starter's (the demo's per-seat Team, at 1 seat, is a downgrade too).
    const downgrade = await waitFor(() => within(plan('Starter')).getByRole('button', { name: 'Downgrade' }));
    await user.click(downgrade);
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(changePart()).toHaveAttribute('data-state', 'ready'), { timeout: 10_000 });
    expect(changePart()).toHaveAttribute('data-effective', 'period_end');
    expect(dialog).toHaveAccessibleDescription(/^Switches to Starter on .+\. Nothing is charged today\.$/);
    await user.click(within(dialog).getByRole('button', { name: 'Confirm change' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), { timeout: 10_000 });

    const pending = await waitFor(() => {
      const element = document.querySelector<HTMLElement>('[data-billkit-part="pending-change"]');
      expect(element).toBeInTheDocument();
      return element!;
    });
    expect(pending).toHaveTextContent(/^Switches to Starter on /);
    await user.click(within(pending).getByRole('button', { name: /^Keep / }));
    await waitFor(() => expect(document.querySelector('[data-billkit-part="pending-change"]')).not.toBeInTheDocument(), { timeout: 10_000 });
  });

  it('leaves the recovery to onUpdatePayment when the app passes one', async () => {
    const { container } = await renderWithProxy(
      proxy,
      <SubscriptionCard paymentDetails={SubscriptionPaymentDetails} onUpdatePayment={() => undefined} />,
      { subject: 'user_past_due' },
    );
    expect(await screen.findByRole('button', { name: 'Update payment method' })).toBeInTheDocument();
    expect(container.querySelector('[data-billkit-part="recover"]')).not.toBeInTheDocument();
  });
  it('recovers a past-due subscription: a new card pays the open invoice and the card turns active', async () => {
    const user = userEvent.setup();
    const { container } = await renderWithProxy(proxy, <SubscriptionCard paymentDetails={SubscriptionPaymentDetails} />, {
      subject: 'user_past_due',
    });
    await waitFor(() => expect(componentRoot(container, 'subscription-card')).toHaveAttribute('data-status', 'past_due'));
    // The built-in recovery replaces the link-only "Update payment method".
    expect(container.querySelector('[data-billkit-part="update-payment"]')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Fix your payment' }));
    const dialog = await screen.findByRole('dialog', { name: 'Fix your payment' });
    expect(dialog).toHaveAccessibleDescription(/^Update your card and pay the open invoice of \$\d+\.\d\d\.$/);

    // A card whose charges fail is attached, but the payment is declined: the message shows.
    await typeCard(user, '4000000000000341');
    await user.click(within(dialog).getByRole('button', { name: /^Pay / }));
    await waitFor(() => expect(dialog.querySelector('[data-billkit-part="recovery"]')).toHaveAttribute('data-state', 'declined'), {
      timeout: 10_000,
    });
    expect(within(dialog).getByRole('alert')).toBeInTheDocument();
    expect(componentRoot(container, 'subscription-card')).toHaveAttribute('data-status', 'past_due');

    // A good card: attached and the invoice paid in the same submit.
    await user.clear(screen.getByLabelText('Card number'));
    await user.type(screen.getByLabelText('Card number'), '4242424242424242');
    await user.click(within(dialog).getByRole('button', { name: /^Pay / }));
    await waitFor(() => expect(dialog.querySelector('[data-billkit-part="recovery"]')).toHaveAttribute('data-state', 'paid'), {
      timeout: 10_000,
    });
    await waitFor(() => expect(componentRoot(container, 'subscription-card')).toHaveAttribute('data-status', 'active'));
    expect(within(document.querySelector<HTMLElement>('[data-billkit-part="payment-method"]')!).getByText(/^Visa •••• 4242/)).toBeInTheDocument();
  });

});
