import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SeatChange } from '../../../src/components/SeatChange';
import { SubscriptionCard } from '../../../src/components/SubscriptionCard';
import { SubscriptionPaymentDetails } from '../../../src/components/SubscriptionPaymentDetails';
import { advance, days, subscribe } from '../../helpers/lifecycle';
import { countMoney } from '../../helpers/money';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { componentRoot, renderWithProxy } from '../../helpers/renderWithProxy';

// Seat changes change the proxy's data: every test gets its own copy of the demo seed.
let proxy: TestProxy;
beforeEach(async () => {
  proxy = await startTestProxy();
});
afterEach(async () => {
  await proxy?.close();
});

const dialogPart = () => document.querySelector<HTMLElement>('[data-billkit-part="seat-change-dialog"]')!;
const card = () => componentRoot(document.body, 'subscription-card');
const charged = async () => (await countMoney(proxy.store)).charged.get('user:user_team') ?? 0;

/** Types a card into the (only) card form on the page. */
async function typeCard(user: ReturnType<typeof userEvent.setup>, number: string) {
  await user.type(screen.getByLabelText('Card number'), number);
  await user.type(screen.getByLabelText('Expiration date'), '1230');
  await user.type(screen.getByLabelText('Security code'), '123');
  await user.type(screen.getByLabelText('Postal code'), '12345');
}

async function renderTeam(subject = 'user_team') {
  const view = await renderWithProxy(proxy, <SubscriptionCard paymentDetails={SubscriptionPaymentDetails} seatChange={SeatChange} />, { subject });
  await waitFor(() => expect(card()).toHaveAttribute('data-state', 'ready'));
  return view;
}

describe('<SubscriptionCard/> of a per-seat subscription', () => {
  it('shows its seats and its total per interval beside the unit price', async () => {
    await renderWithProxy(proxy, <SubscriptionCard />, { subject: 'user_team' });
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'ready'));
    const quantity = card().querySelector('[data-billkit-part="quantity"]')!;
    expect(quantity).toHaveTextContent('5 seats');
    expect(quantity).toHaveTextContent('$60.00 / month');
    expect(within(card()).getByText('$12.00')).toBeInTheDocument();
    // No opt-in, no button.
    expect(within(card()).queryByRole('button', { name: 'Change seats' })).not.toBeInTheDocument();
  });

  it('shows no seats and no Change seats on a flat price', async () => {
    await renderWithProxy(proxy, <SubscriptionCard seatChange={SeatChange} />, { subject: 'user_pro' });
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'ready'));
    expect(card().querySelector('[data-billkit-part="quantity"]')).toBeNull();
    expect(within(card()).queryByRole('button', { name: 'Change seats' })).not.toBeInTheDocument();
  });
});

describe('<SeatChange/>', () => {
  it('adds seats: 5 → 8 charges exactly the previewed amount and the card shows 8 seats', async () => {
    const user = userEvent.setup();
    const { requests } = await renderTeam();
    const before = await charged();
    await user.click(within(card()).getByRole('button', { name: 'Change seats' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change seats' });
    expect(dialog).toHaveAccessibleDescription('You have 5 seats.');
    // The current quantity: nothing to preview, nothing to confirm.
    expect(dialogPart()).toHaveAttribute('data-state', 'same');
    expect(within(dialog).getByRole('button', { name: 'Confirm change' })).toBeDisabled();

    const add = within(dialog).getByRole('button', { name: 'Add a seat' });
    await user.click(add);
    await user.click(add);
    await user.click(add);
    expect(within(dialog).getByRole('spinbutton', { name: 'Seats' })).toHaveValue('8');
    await waitFor(() => expect(dialogPart()).toHaveAttribute('data-state', 'ready'), { timeout: 10_000 });
    expect(dialogPart()).toHaveAttribute('data-effective', 'now');
    const due = dialog.querySelector('[data-billkit-part="amount-due-today"]')!.textContent!;
    expect(due).toMatch(/^\$\d+\.\d\d$/);
    expect(within(dialog).getByRole('status')).toHaveTextContent(new RegExp(`^\\${due} due today for 3 seats added, then \\$96\\.00 on `));

    await user.click(within(dialog).getByRole('button', { name: `Pay ${due} and add 3 seats` }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), { timeout: 10_000 });
    expect(requests.filter((r) => r === 'POST /subscription/change')).toHaveLength(1);
    await waitFor(() => expect(card().querySelector('[data-billkit-part="quantity"]')).toHaveTextContent('8 seats'));
    expect(card().querySelector('[data-billkit-part="quantity"]')).toHaveTextContent('$96.00 / month');
    // The processor's ledger took the previewed amount, once.
    expect((await charged()) - before).toBe(Math.round(Number(due.replace(/[$,]/g, '')) * 100));
  });

  it('removes seats at the period end: 5 → 3 says so, charges nothing, and the card shows the pending change', async () => {
    const user = userEvent.setup();
    await renderTeam();
    const before = await charged();
    await user.click(within(card()).getByRole('button', { name: 'Change seats' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change seats' });
    const remove = within(dialog).getByRole('button', { name: 'Remove a seat' });
    await user.click(remove);
    await user.click(remove);
    await waitFor(() => expect(dialogPart()).toHaveAttribute('data-state', 'ready'), { timeout: 10_000 });
    expect(dialogPart()).toHaveAttribute('data-effective', 'period_end');
    expect(within(dialog).getByRole('status')).toHaveTextContent(/^Changes to 3 seats on .+\. Nothing is refunded; the seats stay until then\.$/);

    await user.click(within(dialog).getByRole('button', { name: 'Change to 3 seats at period end' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), { timeout: 10_000 });
    const pending = await waitFor(() => {
      const element = card().querySelector('[data-billkit-part="pending-change"]');
      expect(element).not.toBeNull();
      return element!;
    });
    expect(pending).toHaveTextContent(/^Changes to 3 seats on /);
    // The seats stay until the period end.
    expect(card().querySelector('[data-billkit-part="quantity"]')).toHaveTextContent('5 seats');
    expect(await charged()).toBe(before);

    // Keep 5 seats undoes the decrease.
    await user.click(within(pending as HTMLElement).getByRole('button', { name: 'Keep 5 seats' }));
    await waitFor(() => expect(card().querySelector('[data-billkit-part="pending-change"]')).toBeNull());
  });

  it('is operated from the keyboard: the stepper spins with the arrow keys within the price bounds', async () => {
    const user = userEvent.setup();
    await renderTeam();
    within(card()).getByRole('button', { name: 'Change seats' }).focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Change seats' });
    const stepper = within(dialog).getByRole('spinbutton', { name: 'Seats' });
    stepper.focus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(stepper).toHaveValue('7');
    expect(stepper).toHaveAttribute('aria-valuenow', '7');
    await user.keyboard('{ArrowDown}');
    expect(stepper).toHaveValue('6');
    await user.keyboard('{Home}');
    expect(stepper).toHaveValue(stepper.getAttribute('aria-valuemin'));
    await user.keyboard('{ArrowDown}');
    expect(stepper).toHaveValue(stepper.getAttribute('aria-valuemin'));
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(dialogPart()).toHaveAttribute('data-state', 'ready'), { timeout: 10_000 });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('shows a declined card with a way to update it, then the seats are added', async () => {
    const user = userEvent.setup();
    await renderTeam();
    // Put a card on file whose every charge is declined.
    const line = await waitFor(() => {
      const element = document.querySelector<HTMLElement>('[data-billkit-part="payment-method"]');
      expect(element).toHaveAttribute('data-state', 'ready');
      return element!;
    });
    await user.click(within(line).getByRole('button'));
    await typeCard(user, '4000000000000341');
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Save card' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), { timeout: 10_000 });

    await user.click(within(card()).getByRole('button', { name: 'Change seats' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change seats' });
    await user.click(within(dialog).getByRole('button', { name: 'Add a seat' }));
    await waitFor(() => expect(dialogPart()).toHaveAttribute('data-state', 'ready'), { timeout: 10_000 });
    await user.click(within(dialog).getByRole('button', { name: /^Pay .* and add 1 seat$/ }));
    await waitFor(() => expect(dialogPart()).toHaveAttribute('data-state', 'declined'), { timeout: 10_000 });
    expect(within(dialog).getByRole('alert')).toHaveTextContent(/declined/i);

    await user.click(within(dialog).getByRole('button', { name: 'Update payment method' }));
    expect(dialogPart()).toHaveAttribute('data-state', 'update_card');
    await typeCard(user, '4242424242424242');
    await user.click(within(dialog).getByRole('button', { name: 'Save card' }));
    await waitFor(() => expect(dialogPart()).toHaveAttribute('data-state', 'ready'), { timeout: 10_000 });
    await user.click(within(dialog).getByRole('button', { name: /^Pay .* and add 1 seat$/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), { timeout: 10_000 });
    await waitFor(() => expect(card().querySelector('[data-billkit-part="quantity"]')).toHaveTextContent('6 seats'));
  });

  it('during a trial changes seats at once either way, with no charge', async () => {
    const user = userEvent.setup();
    await subscribe(proxy, 'user_free', { price_id: 'price_team_monthly', trial_days: 7 });
    // A day in: a preview made in the very second the trial began is priced (to the second)
    // before its period start, which the change refuses.
    await advance(proxy, days(1));
    await renderTeam('user_free');
    const seats = () => card().querySelector('[data-billkit-part="quantity"]');
    const before = seats()!.textContent!;
    const start = Number(/^(\d+)/.exec(before)![1]);

    await user.click(within(card()).getByRole('button', { name: 'Change seats' }));
    let dialog = await screen.findByRole('dialog', { name: 'Change seats' });
    await user.click(within(dialog).getByRole('button', { name: 'Add a seat' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add a seat' }));
    await waitFor(() => expect(dialogPart()).toHaveAttribute('data-state', 'ready'), { timeout: 10_000 });
    expect(dialog.querySelector('[data-billkit-part="amount-due-today"]')).toHaveTextContent('$0.00');
    await user.click(within(dialog).getByRole('button', { name: 'Add 2 seats' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), { timeout: 10_000 });
    await waitFor(() => expect(seats()).toHaveTextContent(`${start + 2} seats`));

    await user.click(within(card()).getByRole('button', { name: 'Change seats' }));
    dialog = await screen.findByRole('dialog', { name: 'Change seats' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove a seat' }));
    await waitFor(() => expect(dialogPart()).toHaveAttribute('data-state', 'ready'), { timeout: 10_000 });
    expect(within(dialog).getByRole('status')).toHaveTextContent(`Changes to ${start + 1} seat${start + 1 === 1 ? '' : 's'} now. Nothing is charged or refunded.`);
    await user.click(within(dialog).getByRole('button', { name: /^Change to \d+ seats?$/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), { timeout: 10_000 });
    await waitFor(() => expect(seats()).toHaveTextContent(`${start + 1} seat`));
    expect(card().querySelector('[data-billkit-part="pending-change"]')).toBeNull();
  });

  it('shows a preview error with a retry', async () => {
    const user = userEvent.setup();
    const view = await renderWithProxy(proxy, <SubscriptionCard seatChange={SeatChange} />, { subject: 'user_team', failing: ['/subscription/preview'] });
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'ready'));
    await user.click(within(card()).getByRole('button', { name: 'Change seats' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Add a seat' }));
    await waitFor(() => expect(dialogPart()).toHaveAttribute('data-state', 'error'), { timeout: 10_000 });
    view.recover();
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(dialogPart()).toHaveAttribute('data-state', 'ready'), { timeout: 10_000 });
  });
});
