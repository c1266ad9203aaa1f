import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvoiceList } from '../../../src/components/InvoiceList';
import { InvoiceLines } from '../../../src/components/InvoiceList/InvoiceLines';
import { as, fixedClock, FIXED_NOW } from '../../helpers/http';
import { subscribe } from '../../helpers/lifecycle';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { renderWithProxy } from '../../helpers/renderWithProxy';

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy({ now: fixedClock, lifecycle: { timer: false } });
});
afterAll(async () => {
  await proxy?.close();
});

const rows = () => screen.getAllByRole('row').filter((row) => row.hasAttribute('data-invoice-id'));
/** "$45.40" / "-$5.80" → minor units. */
const cents = (text: string | null | undefined) => Math.round(Number((text ?? '').replace(/[^0-9.-]/g, '')) * 100);

async function showFirstInvoice(subject: string) {
  const user = userEvent.setup();
  await renderWithProxy(proxy, <InvoiceList pageSize={3} lines={InvoiceLines} />, { subject });
  await screen.findByRole('table', { name: 'Invoices' });
  const row = rows()[0]!;
  const date = within(row).getAllByRole('cell')[0]!.textContent!;
  const button = within(row).getByRole('button', { name: `Details of the invoice of ${date}` });
  return { user, row, date, button };
}

/** The lines shown for an invoice: [description, amount] per line. */
const linesOf = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .filter((item) => item.getAttribute('data-billkit-part') === 'line')
    .map((item) => [item.querySelector('p')!.textContent, item.querySelector('[data-billkit-part="line-amount"]')!.textContent]);

describe('<InvoiceList/> invoice lines', () => {
  it('offers no Details without the lines opt-in', async () => {
    await renderWithProxy(proxy, <InvoiceList pageSize={3} />, { subject: 'user_metered' });
    await screen.findByRole('table', { name: 'Invoices' });
    expect(rows().length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: /^Details/ })).not.toBeInTheDocument();
  });

  it("expands user_metered's latest invoice into its plan and usage lines with the usage tiers, and collapses it", async () => {
    const { user, row, date, button } = await showFirstInvoice('user_metered');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    const controlled = document.getElementById(button.getAttribute('aria-controls')!)!;
    expect(controlled).not.toBeVisible();
    expect(screen.queryByRole('list', { name: `Lines of the invoice of ${date}` })).not.toBeInTheDocument();

    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(controlled).toBeVisible();
    const list = screen.getByRole('list', { name: `Lines of the invoice of ${date}` });
    expect(controlled).toContainElement(list);
    expect(linesOf(list)).toEqual([
      ['Pro (monthly)', '$29.00'],
      ['Usage: 18,200 api calls (10,000 included)', '$16.40'],
    ]);
    const usage = within(list).getAllByRole('listitem').find((item) => item.getAttribute('data-kind') === 'usage')!;
    expect(within(usage).getByText('8,200 × $2.00 per 1,000 = $16.40')).toHaveAttribute('data-billkit-part', 'tier');

    // The lines add up to the amount the row shows, and the total under them says it again.
    const shown = cents(within(row).getByText(/^\$/).textContent);
    expect(shown).toBe(4540);
    expect(linesOf(list).reduce((sum, [, amount]) => sum + cents(amount), 0)).toBe(shown);
    const total = controlled.querySelector('[data-billkit-part="lines-total"]')!;
    expect(total).toHaveTextContent('Total$45.40');

    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(controlled).not.toBeVisible();
    expect(screen.queryByRole('list', { name: `Lines of the invoice of ${date}` })).not.toBeInTheDocument();
  });

  it('opens and closes from the keyboard', async () => {
    const { user, date, button } = await showFirstInvoice('user_metered');
    button.focus();
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('list', { name: `Lines of the invoice of ${date}` })).toBeInTheDocument();
    await user.keyboard(' ');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    // Tab order: the disclosure comes before the row's PDF button.
    await user.tab();
    expect(document.activeElement).toHaveAccessibleName(`PDF invoice of ${date}`);
  });

  it('shows a promotion as a negative line, and seats as quantity × unit amount', async () => {
    expect((await subscribe(proxy, 'user_promo', { price_id: 'price_pro_monthly', promotion_code: 'SAVE20' })).status).toBe(200);
    const promo = await showFirstInvoice('user_promo');
    await promo.user.click(promo.button);
    const lines = linesOf(screen.getByRole('list', { name: `Lines of the invoice of ${promo.date}` }));
    expect(lines).toEqual([
      ['Pro (monthly)', '$29.00'],
      ['SAVE20 (20% off)', '-$5.80'],
    ]);
    expect(lines.reduce((sum, [, amount]) => sum + cents(amount), 0)).toBe(cents(within(promo.row).getByText(/^\$/).textContent));
    document.body.innerHTML = '';

    const team = await showFirstInvoice('user_team');
    await team.user.click(team.button);
    const seats = within(screen.getByRole('list', { name: `Lines of the invoice of ${team.date}` })).getAllByRole('listitem')[0]!;
    expect(seats).toHaveAttribute('data-kind', 'seats');
    expect(within(seats).getByText(/^5 × \$12\.00/)).toBeInTheDocument();
    expect(within(seats).getByText('$60.00')).toBeInTheDocument();
  });

  it("rounds a tier's exact amount for display only; the line's amount is the rounded total", async () => {
    const start = new Date(FIXED_NOW);
    const end = new Date(Date.UTC(2025, 4, 11, 12));
    await proxy.store.insertInvoice({
      id: 'in_test_fractional',
      subject: 'user:user_fraction',
      subscription_id: null,
      amount_due: 2000,
      amount_paid: 2000,
      currency: 'usd',
      status: 'paid',
      period_start: start,
      period_end: end,
      subtotal: 2000,
      discount_amount: 0,
      discount_description: null,
      created_at: start,
      lines: [
        {
          kind: 'usage',
          description: 'Usage: 110,333 api calls',
          quantity: 110_333,
          unit_amount: null,
          amount: 2000,
          period_start: start,
          period_end: end,
          metric: 'api_calls',
          tiers: [
            { up_to: 100_000, unit_amount: 3, per: 243, quantity: 100_000, amount: 1234.5 },
            { up_to: null, unit_amount: 1, per: 1, quantity: 10_333, amount: 765.4 },
          ],
        },
      ],
    });
    expect((await as(proxy, 'user_fraction').get('/invoices')).body.invoices[0].lines[0].tiers[0].amount).toBe(1234.5);
    const { user, date, button } = await showFirstInvoice('user_fraction');
    await user.click(button);
    const list = screen.getByRole('list', { name: `Lines of the invoice of ${date}` });
    const tiers = within(list).getAllByRole('listitem').filter((item) => item.getAttribute('data-billkit-part') === 'tier');
    expect(tiers.map((tier) => tier.textContent)).toEqual(['100,000 × $0.03 per 243 = $12.35', '10,333 × $0.01 = $7.65']);
    expect(linesOf(list)).toEqual([['Usage: 110,333 api calls', '$20.00']]);
  });

  it('gives an invoice without lines no disclosure', async () => {
    await proxy.store.insertInvoice({
      id: 'in_test_no_lines',
      subject: 'user:user_no_lines',
      subscription_id: null,
      amount_due: 0,
      amount_paid: 0,
      currency: 'usd',
      status: 'paid',
      period_start: new Date(FIXED_NOW),
      period_end: new Date(FIXED_NOW),
      subtotal: 0,
      discount_amount: 0,
      discount_description: null,
      created_at: new Date(FIXED_NOW),
      lines: [],
    });
    await renderWithProxy(proxy, <InvoiceList lines={InvoiceLines} />, { subject: 'user_no_lines' });
    await screen.findByRole('table', { name: 'Invoices' });
    expect(rows()).toHaveLength(1);
    expect(within(rows()[0]!).queryByRole('button', { name: /^Details/ })).not.toBeInTheDocument();
    expect(within(rows()[0]!).getByRole('button', { name: /^PDF/ })).toBeInTheDocument();
  });
});
