import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageMeter } from '../../../src/components/UsageMeter';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { componentRoot, renderWithProxy } from '../../helpers/renderWithProxy';

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy();
  // user_canceling (Pro, 10,000 api_calls included and billed beyond) goes over its limit; user_pro records storage, which has no cap.
  await proxy.store.insertUsage('user:user_canceling', 'api_calls', 10_500, new Date());
  await proxy.store.insertUsage('user:user_pro', 'storage_gb', 37, new Date());
  // user_trial (Starter, 2,000 api_calls, no usage price) goes over its limit too: 312 + 2,100.
  await proxy.store.insertUsage('user:user_trial', 'api_calls', 2100, new Date());
});
afterAll(async () => {
  await proxy?.close();
});

async function renderMeter(subject: string, props: Parameters<typeof UsageMeter>[0]) {
  const view = await renderWithProxy(proxy, <UsageMeter {...props} />, { subject });
  await waitFor(() => expect(componentRoot(view.container, 'usage-meter')).toHaveAttribute('data-state', 'ready'));
  return componentRoot(view.container, 'usage-meter');
}

describe('<UsageMeter/>', () => {
  it('shows usage against the limit with an accessible meter, near the limit past 80%', async () => {
    const root = await renderMeter('user_pro', { metric: 'api_calls' });
    expect(root).toHaveAttribute('data-metric', 'api_calls');
    expect(within(root).getByText('API calls')).toBeInTheDocument();
    expect(within(root).getByText('8,423 of 10,000')).toBeInTheDocument();
    expect(within(root).getByText('84%')).toBeInTheDocument();
    expect(within(root).getByText(/^Resets on /)).toBeInTheDocument();

    const meter = within(root).getByRole('meter', { name: 'API calls' });
    expect(meter).toHaveAttribute('aria-valuenow', '8423');
    expect(meter).toHaveAttribute('aria-valuemin', '0');
    expect(meter).toHaveAttribute('aria-valuemax', '10000');
    expect(meter).toHaveAttribute('aria-valuetext', '8,423 of 10,000');

    expect(root).toHaveAttribute('data-near-limit');
    expect(root).not.toHaveAttribute('data-over-limit');
    expect(within(root).getByText('Near limit')).toBeInTheDocument();
  });

  it('is not near the limit below the warning threshold', async () => {
    const root = await renderMeter('user_pro', { metric: 'api_calls', warningThreshold: 0.9, label: 'API requests' });
    expect(within(root).getByRole('meter', { name: 'API requests' })).toBeInTheDocument();
    expect(root).not.toHaveAttribute('data-near-limit');
    expect(root).not.toHaveAttribute('data-over-limit');
  });

  it('marks usage over the limit, keeping the meter value in range; a price that bills past it shows no danger', async () => {
    const root = await renderMeter('user_canceling', { metric: 'api_calls' });
    expect(root).toHaveAttribute('data-over-limit');
    expect(root).not.toHaveAttribute('data-near-limit');
    // Pro monthly bills api_calls past its included units: going over is billing, not an error.
    expect(root).toHaveAttribute('data-at-limit', 'bill');
    expect(root).toHaveAttribute('data-tone', 'primary');
    expect(within(root).getByText('Over included')).toBeInTheDocument();
    expect(within(root).queryByText('Over limit')).not.toBeInTheDocument();
    expect(within(root).getByText('10,500 of 10,000')).toBeInTheDocument();
    const meter = within(root).getByRole('meter');
    expect(meter).toHaveAttribute('aria-valuenow', '10000');
    expect(meter).toHaveAttribute('aria-valuetext', '10,500 of 10,000');
  });

  it('marks usage over the limit as danger when no price bills it', async () => {
    const root = await renderMeter('user_trial', { metric: 'api_calls' });
    expect(root).toHaveAttribute('data-over-limit');
    expect(root).toHaveAttribute('data-tone', 'danger');
    expect(within(root).getByText('Over limit')).toBeInTheDocument();
    expect(within(root).getByText('2,412 of 2,000')).toBeInTheDocument();
    expect(within(root).getByRole('meter')).toHaveAttribute('aria-valuenow', '2000');
  });

  it('shows an unlimited metric without a meter', async () => {
    const root = await renderMeter('user_pro', { metric: 'storage_gb' });
    expect(root).toHaveAttribute('data-unlimited');
    expect(within(root).getByText('Storage GB')).toBeInTheDocument();
    expect(within(root).getByText('37 used')).toBeInTheDocument();
    expect(within(root).getByText('Unlimited')).toBeInTheDocument();
    expect(within(root).queryByRole('meter')).not.toBeInTheDocument();
  });

  it('shows loading, then the error with a retry that loads the usage', async () => {
    const user = userEvent.setup();
    const view = await renderWithProxy(proxy, <UsageMeter metric="api_calls" />, { subject: 'user_pro', failing: ['/usage'] });
    expect(componentRoot(view.container, 'usage-meter')).toHaveAttribute('data-state', 'loading');
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("We couldn't load usage.");
    expect(componentRoot(view.container, 'usage-meter')).toHaveAttribute('data-state', 'error');
    view.recover();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('meter')).toHaveAttribute('aria-valuenow', '8423');
  });
});
