import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CheckoutReturn } from '../../../src/components/CheckoutReturn';
import { BillingProvider } from '../../../src/react/BillingProvider';
import { billingKeys } from '../../../src/react/billingKeys';
import { useSubscription } from '../../../src/react/useSubscription';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';

let proxy: TestProxy;
let userCount = 0;

beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(async () => {
  await proxy?.close();
});
afterEach(() => {
  window.history.replaceState(null, '', '/');
});

async function api<T>(token: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await proxy.fetch(path.startsWith('/api') ? path : `${proxy.baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as T };
}

/** A hosted checkout of Pro monthly, paid with 4242 on the proxy's own checkout page. */
async function payHostedCheckout(token: string): Promise<string> {
  const { json } = await api<{ checkout_url: string; session_id: string }>(token, '/checkout', {
    price_id: 'price_pro_monthly',
    success_url: 'http://app.test/billing/return?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://app.test/pricing',
  });
  const paid = await proxy.fetch(new URL(json.checkout_url).pathname, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ card_number: '4242 4242 4242 4242', card_exp: '12 / 34', card_cvc: '123', postal_code: '10115' }),
    redirect: 'manual',
  });
  expect(paid.status).toBe(303);
  expect(paid.headers.get('location')).toBe(`http://app.test/billing/return?session_id=${encodeURIComponent(json.session_id)}`);
  return json.session_id;
}

function renderWith(token: string, ui: ReactNode, queryClient = new QueryClient()) {
  return render(
    <BillingProvider baseUrl={proxy.baseUrl} getToken={() => token} fetch={proxy.fetch} queryClient={queryClient} locale="en-US">
      {ui}
    </BillingProvider>,
  );
}

const returnState = () => document.querySelector('[data-billkit-component="checkout-return"]')?.getAttribute('data-state');

function SubscriptionProbe(): ReactNode {
  const { data } = useSubscription();
  return <p data-testid="probe">{data === undefined ? 'loading' : (data?.status ?? 'none')}</p>;
}

describe('<CheckoutReturn/>', () => {
  it('reads session_id from the URL, shows the plan bought and refreshes the cached subscription', async () => {
    const token = await proxy.tokenFor(`user_return_${++userCount}`);
    const sessionId = await payHostedCheckout(token);
    window.history.replaceState(null, '', `/billing/return?session_id=${encodeURIComponent(sessionId)}`);
    // A page that cached "no subscription" before the checkout.
    const queryClient = new QueryClient();
    queryClient.setQueryData(billingKeys.subscription(proxy.baseUrl), null);
    const onDone = vi.fn();
    renderWith(
      token,
      <>
        <SubscriptionProbe />
        <CheckoutReturn onDone={onDone} />
      </>,
      queryClient,
    );
    expect(screen.getByTestId('probe')).toHaveTextContent('none');
    expect(await screen.findByRole('heading', { name: "You're subscribed to Pro" })).toBeInTheDocument();
    expect(returnState()).toBe('succeeded');
    await waitFor(() => expect(screen.getByTestId('probe')).toHaveTextContent('active'));
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ status: 'succeeded', sessionId }));
  });

  it('activates an org checkout (org_acme) and its entitlements turn pro', async () => {
    const token = await proxy.tokenFor('user_acme_admin', 'org_acme');
    expect((await api<{ plan: string | null }>(token, '/entitlements')).json.plan).toBeNull();
    const sessionId = await payHostedCheckout(token);
    renderWith(token, <CheckoutReturn sessionId={sessionId} activate continueHref="/dashboard" />);
    expect(await screen.findByRole('heading', { name: "You're subscribed to Pro" })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Continue' })).toHaveAttribute('href', '/dashboard');
    expect((await api<{ plan: string | null; status: string }>(token, '/entitlements')).json).toMatchObject({ plan: 'pro', status: 'active' });
  });

  it('keeps asking while the checkout is not paid yet (a webhook can lag the redirect), then succeeds', async () => {
    const token = await proxy.tokenFor('user_acme_late', 'org_late');
    const { json } = await api<{ checkout_url: string; session_id: string }>(token, '/checkout', {
      price_id: 'price_pro_monthly',
      success_url: 'http://app.test/billing/return?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://app.test/pricing',
    });
    let activations = 0;
    const counting = ((input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/api/v1/billing/activate')) activations++;
      return proxy.fetch(input, init);
    }) as typeof fetch;
    render(
      <BillingProvider baseUrl={proxy.baseUrl} getToken={() => token} fetch={counting} locale="en-US">
        <CheckoutReturn sessionId={json.session_id} activate />
      </BillingProvider>,
    );
    // 409 checkout_not_paid is asked again, and shown as still confirming, not as a failure.
    await waitFor(() => expect(activations).toBeGreaterThanOrEqual(2), { timeout: 5000 });
    expect(returnState()).toBe('loading');
    const paid = await proxy.fetch(new URL(json.checkout_url).pathname, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ card_number: '4242 4242 4242 4242', card_exp: '12 / 34', card_cvc: '123', postal_code: '10115' }),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect(await screen.findByRole('heading', { name: "You're subscribed to Pro" }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('refuses a forged session id with "This checkout link is invalid or has expired" and changes nothing', async () => {
    const token = await proxy.tokenFor('user_acme_member', 'org_forged');
    const sessionId = await payHostedCheckout(await proxy.tokenFor(`user_return_${++userCount}`));
    const forged = sessionId.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    renderWith(token, <CheckoutReturn sessionId={forged} activate continueHref="/pricing" />);
    expect(await screen.findByText('This checkout link is invalid or has expired')).toBeInTheDocument();
    expect(returnState()).toBe('invalid');
    expect((await api<{ plan: string | null }>(token, '/entitlements')).json.plan).toBeNull();
  });

  it("refuses another subject's session (403) without activating it", async () => {
    const sessionId = await payHostedCheckout(await proxy.tokenFor(`user_return_${++userCount}`));
    const stranger = await proxy.tokenFor(`user_return_${++userCount}`);
    renderWith(stranger, <CheckoutReturn sessionId={sessionId} activate />);
    expect(await screen.findByText('This checkout link is invalid or has expired')).toBeInTheDocument();
    expect((await api<{ plan: string | null }>(stranger, '/entitlements')).json.plan).toBeNull();
  });

  it('says so when the page has no session id', async () => {
    renderWith(await proxy.tokenFor('user_free'), <CheckoutReturn />);
    expect(returnState()).toBe('missing');
    expect(screen.getByRole('alert')).toHaveTextContent('This page needs a checkout session id in its address.');
  });
});
