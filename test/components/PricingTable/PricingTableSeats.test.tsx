import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CheckoutForm } from '../../../src/components/CheckoutForm';
import { PricingTable } from '../../../src/components/PricingTable';
import { seatStepper } from '../../../src/components/PricingTable/seatStepperOptIn';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { renderWithProxy } from '../../helpers/renderWithProxy';
import { as } from '../../helpers/http';

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(async () => {
  await proxy?.close();
});

const plan = (name: string) => screen.getByRole('article', { name });
const total = () => plan('Team').querySelector('[data-billkit-part="quantity-total"]');

/** Mocks the hosted redirect; resolves the session id the table redirected to. */
function captureRedirect() {
  const assign = vi.fn();
  const location = window.location;
  vi.spyOn(window, 'location', 'get').mockReturnValue({ ...location, href: location.href, assign } as Location);
  return async () => {
    await waitFor(() => expect(assign).toHaveBeenCalledTimes(1));
    return decodeURIComponent(String(assign.mock.calls[0]![0]).split('/billing/checkout/')[1]!);
  };
}

describe('<PricingTable/> per-seat and usage prices', () => {
  it('reads a per-seat price per seat and lists the usage tiers of a price under it', async () => {
    await renderWithProxy(proxy, <PricingTable />, { subject: 'user_free' });
    const team = await screen.findByRole('article', { name: 'Team' });
    expect(within(team).getByText('$12.00')).toBeInTheDocument();
    expect(within(team).getByText('per seat / month')).toBeInTheDocument();
    // Without the opt-in there is no stepper.
    expect(within(team).queryByRole('spinbutton')).not.toBeInTheDocument();

    const usage = within(plan('Pro')).getByRole('list', { name: 'Pro usage pricing' });
    expect(within(usage).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '10,000 API calls included, then $2.00 per 1,000 (up to 100,000), $1.50 per 1,000 beyond',
    ]);
    expect(within(plan('Starter')).queryByRole('list', { name: 'Starter usage pricing' })).not.toBeInTheDocument();
  });

  it('names the metric from featureLabels', async () => {
    await renderWithProxy(proxy, <PricingTable featureLabels={{ api_calls: 'requests' }} />, { subject: 'user_free' });
    const usage = await screen.findByRole('list', { name: 'Pro usage pricing' });
    expect(usage).toHaveTextContent(/^10,000 requests included, then/);
  });

  it('changes the seat count with the mouse and the keyboard within the price range, and the total follows', async () => {
    const user = userEvent.setup();
    await renderWithProxy(proxy, <PricingTable seats={seatStepper} onSelect={vi.fn()} />, { subject: 'user_free' });
    const team = await screen.findByRole('article', { name: 'Team' });
    const seats = within(team).getByRole('spinbutton', { name: 'Seats' });
    const fewer = within(team).getByRole('button', { name: 'Remove a seat' });
    const more = within(team).getByRole('button', { name: 'Add a seat' });
    expect(seats).toHaveValue(1);
    expect(total()).toHaveTextContent('1 seat · $12.00 / month');
    expect(fewer).toBeDisabled();
    // Flat plans have no stepper.
    expect(within(plan('Pro')).queryByRole('spinbutton')).not.toBeInTheDocument();

    for (let i = 0; i < 4; i++) await user.click(more);
    expect(seats).toHaveValue(5);
    expect(total()).toHaveTextContent('5 seats · $60.00 / month');
    expect(fewer).toBeEnabled();

    await user.click(seats);
    await user.keyboard('{ArrowUp}');
    expect(total()).toHaveTextContent('6 seats · $72.00 / month');
    await user.keyboard('{PageDown}');
    expect(seats).toHaveValue(1);
    await user.keyboard('{ArrowDown}');
    expect(seats).toHaveValue(1);
    await user.keyboard('{End}');
    expect(seats).toHaveValue(500);
    expect(more).toBeDisabled();
    expect(total()).toHaveTextContent('500 seats · $6,000.00 / month');
    await user.keyboard('{Home}');
    expect(seats).toHaveValue(1);
  });

  it('flags a typed count outside the range and clamps it on leaving the input', async () => {
    const user = userEvent.setup();
    await renderWithProxy(proxy, <PricingTable seats={seatStepper} onSelect={vi.fn()} />, { subject: 'user_free' });
    const seats = await screen.findByRole('spinbutton', { name: 'Seats' });
    await user.clear(seats);
    await user.type(seats, '12');
    expect(total()).toHaveTextContent('12 seats · $144.00 / month');
    await user.type(seats, '00');
    expect(seats).toHaveValue(1200);
    expect(seats).toHaveAttribute('aria-invalid', 'true');
    expect(within(plan('Team')).getByRole('alert')).toHaveTextContent('Choose 1 to 500 seats.');
    expect(seats).toHaveAccessibleDescription('Choose 1 to 500 seats.');
    // The card keeps the last valid count until the input is left, then clamps to the maximum.
    expect(total()).toHaveTextContent('120 seats');
    await user.tab();
    expect(seats).toHaveValue(500);
    expect(seats).not.toHaveAttribute('aria-invalid');
    expect(within(plan('Team')).queryByRole('alert')).not.toBeInTheDocument();

    fireEvent.change(seats, { target: { value: '0' } });
    fireEvent.blur(seats);
    expect(seats).toHaveValue(1);
  });

  it('keeps the count when the interval switches and hands it to onSelect', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    await renderWithProxy(proxy, <PricingTable seats={seatStepper} onSelect={onSelect} />, { subject: 'user_free' });
    const more = await screen.findByRole('button', { name: 'Add a seat' });
    for (let i = 0; i < 4; i++) await user.click(more);
    await user.click(screen.getByRole('switch', { name: 'Yearly billing' }));
    expect(within(plan('Team')).getByRole('spinbutton', { name: 'Seats' })).toHaveValue(5);
    expect(total()).toHaveTextContent('5 seats · $576.00 / year');
    await user.click(within(plan('Team')).getByRole('button', { name: 'Get Team' }));
    expect(onSelect).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'price_team_annual' }),
      expect.objectContaining({ id: 'plan_team' }),
      5,
    );
  });

  it('starts a hosted checkout for the chosen seats: the session has the quantity', async () => {
    const user = userEvent.setup();
    const sessionId = captureRedirect();
    try {
      await renderWithProxy(proxy, <PricingTable seats={seatStepper} successUrl="https://app.example/billing" />, { subject: 'user_free' });
      const seats = await screen.findByRole('spinbutton', { name: 'Seats' });
      await user.clear(seats);
      await user.type(seats, '7');
      await user.click(within(plan('Team')).getByRole('button', { name: 'Get Team' }));
      const session = (await as(proxy, 'user_free').get(`/checkout/${encodeURIComponent(await sessionId())}`)).body;
      expect(session).toMatchObject({ quantity: 7, unit_label: 'seat', amount_subtotal: 8400, price: { id: 'price_team_monthly' } });
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('without the stepper a per-seat checkout buys the price minimum', async () => {
    const user = userEvent.setup();
    const sessionId = captureRedirect();
    try {
      await renderWithProxy(proxy, <PricingTable successUrl="https://app.example/billing" />, { subject: 'user_free' });
      await user.click(await within(await screen.findByRole('article', { name: 'Team' })).findByRole('button', { name: 'Get Team' }));
      const session = (await as(proxy, 'user_free').get(`/checkout/${encodeURIComponent(await sessionId())}`)).body;
      expect(session).toMatchObject({ quantity: 1, amount_subtotal: 1200 });
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('opens an embedded CheckoutForm for the chosen seats through onSelect', async () => {
    const user = userEvent.setup();
    function Page() {
      const [chosen, setChosen] = useState<{ priceId: string; quantity: number } | null>(null);
      return chosen ? (
        <CheckoutForm priceId={chosen.priceId} quantity={chosen.quantity} />
      ) : (
        <PricingTable seats={seatStepper} onSelect={(price, _plan, quantity) => setChosen({ priceId: price.id, quantity })} />
      );
    }
    await renderWithProxy(proxy, <Page />, { subject: 'user_free' });
    const more = await screen.findByRole('button', { name: 'Add a seat' });
    for (let i = 0; i < 2; i++) await user.click(more);
    await user.click(within(plan('Team')).getByRole('button', { name: 'Get Team' }));
    const summary = await screen.findByRole('region', { name: 'Order summary' }, { timeout: 10_000 });
    expect(within(summary).getByText('Team × 3 seats, $12.00 each')).toBeInTheDocument();
    expect(within(summary).getByText('Total due today').nextSibling).toHaveTextContent('$36.00');
  });
});
