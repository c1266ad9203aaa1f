import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CheckoutForm } from '../../../src/components/CheckoutForm';
import type { Subscription } from '../../../src/contract/types';
import { BillingProvider } from '../../../src/react/BillingProvider';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';

let proxy: TestProxy;
let userCount = 0;
beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(async () => {
  await proxy?.close();
});

/** Renders `ui` for a fresh subject without a subscription. */
async function renderForNewUser(ui: ReactNode) {
  const token = await proxy.tokenFor(`user_seats_${++userCount}`);
  render(
    <BillingProvider baseUrl={proxy.baseUrl} getToken={() => token} fetch={proxy.fetch} locale="en-US">
      {ui}
    </BillingProvider>,
  );
  return userEvent.setup();
}

const form = () => document.querySelector<HTMLElement>('[data-billkit-component="checkout-form"]')!;
const waitForState = (state: string) => waitFor(() => expect(form()).toHaveAttribute('data-state', state), { timeout: 10_000 });

describe('<CheckoutForm/> for a per-seat price', () => {
  it('shows the seats, the unit price and the total, and pays for that many seats', async () => {
    const onSuccess = vi.fn<(subscription: Subscription) => void>();
    const user = await renderForNewUser(<CheckoutForm priceId="price_team_monthly" quantity={5} onSuccess={onSuccess} />);
    await waitForState('idle');
    const summary = screen.getByRole('region', { name: 'Order summary' });
    expect(within(summary).getByText('$12.00 per seat / month')).toBeInTheDocument();
    const line = within(summary).getByText('Team × 5 seats, $12.00 each');
    expect(line.nextSibling).toHaveTextContent('$60.00');
    expect(within(summary).getByText('Subtotal').nextSibling).toHaveTextContent('$60.00');
    expect(within(summary).getByText('Total due today').nextSibling).toHaveTextContent('$60.00');

    await user.type(screen.getByLabelText('Card number'), '4242424242424242');
    await user.type(screen.getByLabelText('Expiration date'), '1234');
    await user.type(screen.getByLabelText('Security code'), '123');
    await user.type(screen.getByLabelText('Postal code'), '10115');
    await user.click(screen.getByRole('button', { name: 'Pay $60.00' }));
    await waitForState('succeeded');
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ status: 'active', plan: { id: 'plan_team' }, quantity: 5 });
  });

  it('defaults to the price minimum and says "1 seat"', async () => {
    await renderForNewUser(<CheckoutForm priceId="price_team_annual" />);
    await waitForState('idle');
    const summary = screen.getByRole('region', { name: 'Order summary' });
    expect(within(summary).getByText('$115.20 per seat / year')).toBeInTheDocument();
    expect(within(summary).getByText('Team × 1 seat, $115.20 each')).toBeInTheDocument();
    expect(within(summary).getByText('Total due today').nextSibling).toHaveTextContent('$115.20');
  });

  it('shows no seat line for a flat price', async () => {
    await renderForNewUser(<CheckoutForm priceId="price_pro_monthly" />);
    await waitForState('idle');
    expect(form().querySelector('[data-billkit-part="quantity"]')).toBeNull();
  });
});
