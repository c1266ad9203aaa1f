import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { InvoiceList } from '../../src/components/InvoiceList';
import { SubscriptionCard } from '../../src/components/SubscriptionCard';
import { UsageMeter } from '../../src/components/UsageMeter';
import { BillingDevtools } from '../../src/devtools';
import { startTestProxy, type TestProxy } from '../helpers/proxy';
import { fixedClock } from '../helpers/http';
import { componentRoot, renderWithProxy } from '../helpers/renderWithProxy';

let proxy: TestProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

const page = (
  <>
    <SubscriptionCard />
    <InvoiceList />
    <BillingDevtools />
  </>
);

async function open(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Billing devtools' }));
  const panel = screen.getByRole('region', { name: 'Billkit devtools' });
  await within(panel).findByRole('tab', { name: 'Clock' });
  return panel;
}

describe('<BillingDevtools/>', () => {
  it('opens from its toggle (aria-expanded) and closes with Escape, giving the focus back', async () => {
    proxy = await startTestProxy({ now: fixedClock, lifecycle: { timer: false } });
    await renderWithProxy(proxy, page, { subject: 'user_free' });
    const user = userEvent.setup();
    const toggle = screen.getByRole('button', { name: 'Billing devtools' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const panel = await open(user);
    expect(screen.getByRole('button', { name: 'Close billing devtools' })).toHaveAttribute('aria-expanded', 'true');
    await waitFor(() => expect(within(panel).getByText('Fri, 11 Apr 2025 12:00:00 GMT')).toBeInTheDocument());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Billkit devtools' })).toBeNull();
    expect(document.activeElement).toHaveAttribute('data-billkit-part', 'toggle');
  });

  it('bills another subject with the token it gets, for every request, until reset', async () => {
    proxy = await startTestProxy({ now: fixedClock, lifecycle: { timer: false } });
    const view = await renderWithProxy(proxy, page, { subject: 'user_free' });
    const card = () => componentRoot(view.container, 'subscription-card');
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'empty'));
    const user = userEvent.setup();
    const panel = await open(user);
    await user.click(within(panel).getByRole('tab', { name: 'Subject' }));
    // Every demo subject is offered, the metered one too.
    expect(within(within(panel).getByLabelText('Demo subject')).getByRole('option', { name: 'user_metered' })).toBeInTheDocument();
    await user.selectOptions(within(panel).getByLabelText('Demo subject'), 'user_pro');
    await user.click(within(panel).getByRole('button', { name: 'Switch' }));
    await waitFor(() => expect(card()).toHaveAttribute('data-status', 'active'));
    expect(within(card()).getByText('Pro')).toBeInTheDocument();
    expect(within(panel).getByText('user_pro', { selector: '[data-billkit-part="current-subject"]' })).toBeInTheDocument();
    await waitFor(() => expect(view.container.querySelectorAll('[data-billkit-component="invoice-list"] [data-status="paid"]').length).toBeGreaterThan(0));

    await user.click(within(panel).getByRole('button', { name: "Reset to the app's session" }));
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'empty'));
    expect(within(panel).getByText("the app's own session")).toBeInTheDocument();
  });

  it('pays an open invoice: declined on the failing card (the error is announced), paid on a paying one', async () => {
    proxy = await startTestProxy({ now: fixedClock, lifecycle: { timer: false } });
    const view = await renderWithProxy(proxy, page, { subject: 'user_past_due' });
    const card = () => componentRoot(view.container, 'subscription-card');
    await waitFor(() => expect(card()).toHaveAttribute('data-status', 'past_due'));
    const user = userEvent.setup();
    const panel = await open(user);
    await user.click(within(panel).getByRole('tab', { name: 'Payments' }));
    await waitFor(() => expect(within(panel).getByText(/•••• 0341 \(declines every charge\)/)).toBeInTheDocument());
    const pay = await within(panel).findByRole('button', { name: /^Pay invoice in_/ });
    await user.click(pay);
    expect(await within(panel).findByRole('alert')).toHaveTextContent('Your card was declined.');
    expect(card()).toHaveAttribute('data-status', 'past_due');

    await user.click(within(panel).getByRole('button', { name: /Make charges succeed/ }));
    await waitFor(() => expect(within(panel).getByText('visa •••• 4242')).toBeInTheDocument());
    await user.click(within(panel).getByRole('button', { name: /^Pay invoice in_/ }));
    await waitFor(() => expect(card()).toHaveAttribute('data-status', 'active'));
    expect(within(panel).getByRole('list', { name: 'Events fired' })).toHaveTextContent('invoice.paid');
    expect(within(panel).getByText('No open invoice.')).toBeInTheDocument();
  });

  it("records usage for the page's subject, and the page's meter shows it at once", async () => {
    proxy = await startTestProxy({ now: fixedClock, lifecycle: { timer: false } });
    const view = await renderWithProxy(
      proxy,
      <>
        <UsageMeter metric="api_calls" />
        <BillingDevtools />
      </>,
      { subject: 'user_pro' },
    );
    const meter = () => componentRoot(view.container, 'usage-meter');
    await waitFor(() => expect(meter()).toHaveAttribute('data-state', 'ready'));
    const shown = () => meter().querySelector('[data-billkit-part="amount"]')?.textContent ?? '';
    const before = Number(shown().split(' ')[0]!.replace(/,/g, ''));
    const user = userEvent.setup();
    const panel = await open(user);
    await user.click(within(panel).getByRole('tab', { name: 'Usage' }));
    await waitFor(() => expect(within(panel).getByText(`${before.toLocaleString('en-US')} of 10,000`)).toBeInTheDocument());
    await user.click(within(panel).getByRole('button', { name: '+1,000' }));
    expect(await within(panel).findByText(`Recorded 1,000 api_calls: ${(before + 1000).toLocaleString('en-US')} this period.`)).toBeInTheDocument();
    await waitFor(() => expect(shown()).toBe(`${(before + 1000).toLocaleString('en-US')} of 10,000`));

    // A name the proxy would refuse is caught before it is sent.
    await user.clear(within(panel).getByLabelText('Metric'));
    await user.type(within(panel).getByLabelText('Metric'), 'API calls');
    expect(within(panel).getByLabelText('Metric')).toHaveAttribute('aria-invalid', 'true');
    expect(within(panel).getByRole('button', { name: '+1,000' })).toBeDisabled();
  });

  it("lists the subject's webhook events and the Billkit queries in the cache, with refetch", async () => {
    proxy = await startTestProxy({ now: fixedClock, lifecycle: { timer: false } });
    const view = await renderWithProxy(proxy, page, { subject: 'user_trial' });
    await waitFor(() => expect(componentRoot(view.container, 'subscription-card')).toHaveAttribute('data-status', 'trialing'));
    const user = userEvent.setup();
    const panel = await open(user);
    await user.click(within(panel).getByRole('button', { name: '+1 week' }));
    await waitFor(() => expect(within(panel).getByRole('list', { name: 'Events fired' })).toHaveTextContent('subscription.trial_will_end'));
    // The week also ran user_past_due's dunning retry: the panel lists only the page's subject's events.
    const fired = within(within(panel).getByRole('list', { name: 'Events fired' })).getAllByRole('listitem');
    expect(fired.map((item) => item.textContent?.split(' · ')[1])).toEqual(fired.map(() => 'user_trial'));

    await user.click(within(panel).getByRole('tab', { name: 'Events' }));
    const events = await within(panel).findByRole('list', { name: 'Webhook events, newest first' });
    expect(within(events).getAllByRole('listitem')[0]).toHaveAttribute('data-event-type', 'subscription.trial_will_end');
    expect(within(panel).getByText(/events are recorded for the devtools but not sent anywhere/)).toBeInTheDocument();

    await user.click(within(panel).getByRole('tab', { name: 'Cache' }));
    const rows = await within(panel).findAllByRole('row');
    expect(rows.map((row) => row.textContent).join('\n')).toMatch(/billkit › subscription/);
    const before = view.requests.filter((r) => r === 'GET /subscription').length;
    await user.click(within(panel).getByRole('button', { name: /^Refetch billkit › subscription/ }));
    await waitFor(() => expect(view.requests.filter((r) => r === 'GET /subscription').length).toBe(before + 1));
  });

  it('says so, and offers nothing, when the proxy is not in dev mode', async () => {
    proxy = await startTestProxy({ now: fixedClock, devMode: false, lifecycle: { timer: false } });
    await renderWithProxy(proxy, page, { subject: 'user_pro' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Billing devtools' }));
    const panel = screen.getByRole('region', { name: 'Billkit devtools' });
    expect(await within(panel).findByRole('alert')).toHaveTextContent('This billing proxy is not in dev mode');
    expect(within(panel).queryByRole('tab')).toBeNull();
  });
});
