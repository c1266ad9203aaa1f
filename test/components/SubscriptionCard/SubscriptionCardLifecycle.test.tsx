import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InvoiceList } from '../../../src/components/InvoiceList';
import { SubscriptionCard } from '../../../src/components/SubscriptionCard';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { fixedClock } from '../../helpers/http';
import { advance, CARDS, days, subscribe } from '../../helpers/lifecycle';
import { componentRoot, renderWithProxy } from '../../helpers/renderWithProxy';

// States reached by moving the proxy's dev clock, not seeded by hand.
let proxy: TestProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

async function renderCard(p: TestProxy) {
  const view = await renderWithProxy(p, <SubscriptionCard />, { subject: 'user_free' });
  await waitFor(() => expect(componentRoot(view.container, 'subscription-card')).toHaveAttribute('data-state', 'ready'));
  return componentRoot(view.container, 'subscription-card');
}

describe('<SubscriptionCard/> through the lifecycle', () => {
  it("counts a trial down and says what its end will charge", async () => {
    proxy = await startTestProxy({ now: fixedClock });
    await subscribe(proxy, 'user_free', { trial_days: 14, promotion_code: 'SAVE20' });
    await advance(proxy, days(11));
    const root = await renderCard(proxy);
    expect(root).toHaveAttribute('data-status', 'trialing');
    expect(
      within(root).getByText('Your free trial ends in 3 days, on Apr 25, 2025. Then $7.20 will be charged unless you cancel.'),
    ).toBeInTheDocument();
  });

  it('names the failed amount and the next retry when a renewal fails, and lists the open invoice', async () => {
    proxy = await startTestProxy({ now: fixedClock });
    await subscribe(proxy, 'user_free', { trial_days: 7, card: CARDS.chargeFails });
    await advance(proxy, days(7));
    const root = await renderCard(proxy);
    expect(root).toHaveAttribute('data-status', 'past_due');
    expect(
      within(root).getByText(
        "Your last payment of $9.00 failed. We'll try again on Apr 21, 2025; update your payment method to keep your subscription.",
      ),
    ).toBeInTheDocument();

    // After the first retry fails too, the notice moves to the next one.
    await advance(proxy, days(3));
    const again = await renderCard(proxy);
    expect(within(again).getByText(/We'll try again on Apr 23, 2025;/)).toBeInTheDocument();

    await renderWithProxy(proxy, <InvoiceList />, { subject: 'user_free' });
    await screen.findByRole('table');
    const open = screen.getAllByRole('row').filter((row) => row.getAttribute('data-status') === 'open');
    expect(open).toHaveLength(1);
    expect(within(open[0]!).getByText('$9.00')).toBeInTheDocument();
    expect(within(open[0]!).getByText('Open')).toBeInTheDocument();
  });
});
