import { render, renderHook, screen, waitFor } from '@testing-library/react';
import {
  BillingError,
  BillingProvider,
  Entitled,
  useCheckoutSession,
  useEntitlement,
  useEntitlements,
  usePlans,
  useSubscription,
  useUsage,
  createBillingClient,
} from '../../src/index';
import { startTestProxy, type TestProxy } from '../helpers/proxy';
import { billingWrapper, countingFetch } from '../helpers/billingWrapper';

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy({ seed: 'demo' });
});
afterAll(() => proxy?.close());

describe('usePlans', () => {
  it('loads, then answers the public plans', async () => {
    const wrapper = await billingWrapper(proxy, { user: 'user_free' });
    const { result } = renderHook(() => usePlans(), { wrapper });
    expect(result.current.isPending).toBe(true);
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const pro = result.current.data!.find((plan) => plan.id === 'plan_pro');
    expect(pro).toMatchObject({ name: 'Pro', recommended: true });
    expect(pro!.prices).toContainEqual(expect.objectContaining({ id: 'price_pro_monthly', amount: 2900 }));
  });
});

describe('useSubscription', () => {
  it('loads, then answers the active subscription', async () => {
    const wrapper = await billingWrapper(proxy, { user: 'user_pro' });
    const { result } = renderHook(() => useSubscription(), { wrapper });
    expect(result.current.isPending).toBe(true);
    expect(result.current.data).toBeUndefined();
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toMatchObject({
      plan: { id: 'plan_pro', name: 'Pro' },
      price: { id: 'price_pro_monthly', amount: 2900, currency: 'usd', interval: 'month' },
      status: 'active',
    });
  });

  it.each([
    ['user_trial', { status: 'trialing' }],
    ['user_canceling', { cancel_at_period_end: true }],
    ['user_past_due', { status: 'past_due' }],
  ])('answers %s with its state', async (user, expected) => {
    const wrapper = await billingWrapper(proxy, { user });
    const { result } = renderHook(() => useSubscription(), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toMatchObject(expected);
  });

  it('is empty (null) for a subject without a subscription', async () => {
    const wrapper = await billingWrapper(proxy, { user: 'user_free' });
    const { result } = renderHook(() => useSubscription(), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toBeNull();
  });

  it('a bad token is a 401 BillingError, reported to onUnauthorized and not retried', async () => {
    const onUnauthorized = vi.fn();
    const { fetch, count } = countingFetch(proxy);
    const token = 'garbage';
    const { result } = renderHook(() => useSubscription(), {
      wrapper: ({ children }) => (
        <BillingProvider baseUrl={proxy.baseUrl} getToken={() => token} fetch={fetch} onUnauthorized={onUnauthorized}>
          {children}
        </BillingProvider>
      ),
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(BillingError);
    expect(result.current.error).toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized).toHaveBeenCalledWith(result.current.error);
    expect(count('GET', '/subscription')).toBe(1);
  });

  it('retries a network failure (up to twice) and then succeeds', async () => {
    let failures = 0;
    const flaky: typeof fetch = (input, init) =>
      failures++ < 1 ? Promise.reject(new TypeError('Failed to fetch')) : proxy.fetch(input, init);
    const wrapper = await billingWrapper(proxy, { user: 'user_pro' }, { fetch: flaky });
    const { result } = renderHook(() => useSubscription(), { wrapper });
    // React Query waits ~1 s before the first retry.
    await waitFor(() => expect(result.current.isSuccess).toBe(true), { timeout: 5000 });
    expect(result.current.failureCount).toBe(0);
    expect(failures).toBe(2);
  });
});

describe('useEntitlements / useEntitlement / <Entitled>', () => {
  it('answers the plan key and features', async () => {
    const wrapper = await billingWrapper(proxy, { user: 'user_pro' });
    const { result } = renderHook(() => useEntitlements(), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual({
      plan: 'pro',
      status: 'active',
      features: expect.arrayContaining(['basic_analytics', 'advanced_analytics', 'api_access', '25_seats']),
    });
  });

  it('is empty without a subscription', async () => {
    const wrapper = await billingWrapper(proxy, { user: 'user_free' });
    const { result } = renderHook(() => useEntitlements(), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual({ plan: null, status: null, features: [] });
  });

  it('useEntitlement narrows to one feature, sharing one request', async () => {
    const { fetch, count } = countingFetch(proxy);
    const wrapper = await billingWrapper(proxy, { user: 'user_trial' }, { fetch });
    const { result } = renderHook(
      () => ({ basic: useEntitlement('basic_analytics'), advanced: useEntitlement('advanced_analytics') }),
      { wrapper },
    );
    expect(result.current.basic).toMatchObject({ entitled: false, isPending: true });
    await waitFor(() => expect(result.current.basic.isSuccess).toBe(true));
    expect(result.current.basic.entitled).toBe(true);
    expect(result.current.advanced.entitled).toBe(false);
    expect(count('GET', '/entitlements')).toBe(1);
  });

  it('<Entitled> renders children when entitled, the fallback otherwise, the loading slot meanwhile', async () => {
    const tree = (
      <>
        <Entitled feature="api_access" fallback={<p>upgrade</p>} loading={<p>checking</p>}>
          <p>api console</p>
        </Entitled>
        <Entitled feature="sso" fallback={<p>no sso</p>}>
          <p>sso settings</p>
        </Entitled>
      </>
    );
    render(tree, { wrapper: await billingWrapper(proxy, { user: 'user_pro' }) });
    expect(screen.getByText('checking')).toBeInTheDocument();
    expect(await screen.findByText('api console')).toBeInTheDocument();
    expect(screen.getByText('no sso')).toBeInTheDocument();
    expect(screen.queryByText('sso settings')).not.toBeInTheDocument();
  });

  it('<Entitled> shows the fallback to a subject without a subscription', async () => {
    render(
      <Entitled feature="api_access" fallback={<p>upgrade</p>}>
        <p>api console</p>
      </Entitled>,
      { wrapper: await billingWrapper(proxy, { user: 'user_free' }) },
    );
    expect(await screen.findByText('upgrade')).toBeInTheDocument();
    expect(screen.queryByText('api console')).not.toBeInTheDocument();
  });
});

describe('useUsage', () => {
  it('answers the metric of the current period', async () => {
    const wrapper = await billingWrapper(proxy, { user: 'user_pro' });
    const { result } = renderHook(() => useUsage('api_calls'), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toMatchObject({ metric: 'api_calls', quantity: 8423, limit: 10000 });
  });
});

describe('useCheckoutSession', () => {
  it('stays idle without a session id', async () => {
    const { fetch, seen } = countingFetch(proxy);
    const wrapper = await billingWrapper(proxy, { user: 'user_free' }, { fetch });
    const { result } = renderHook(() => useCheckoutSession(null), { wrapper });
    expect(result.current.fetchStatus).toBe('idle');
    expect(seen).toHaveLength(0);
  });

  it('answers the summary of a checkout', async () => {
    const token = await proxy.tokenFor('user_summary');
    const client = createBillingClient({ baseUrl: proxy.baseUrl, getToken: () => token, fetch: proxy.fetch });
    const session = await client.createCheckout({
      price_id: 'price_starter_annual',
      success_url: 'http://billkit.test/done',
      cancel_url: 'http://billkit.test/back',
      ui_mode: 'embedded',
      trial_days: 14,
    });
    const wrapper = await billingWrapper(proxy, { user: 'user_summary' });
    const { result } = renderHook(() => useCheckoutSession(session.session_id), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toMatchObject({
      status: 'open',
      plan: { id: 'plan_starter' },
      price: { id: 'price_starter_annual', amount: 8640, interval: 'year' },
      trial_days: 14,
    });
  });

  it('a session of another subject is a 404, not retried', async () => {
    const token = await proxy.tokenFor('user_owner');
    const client = createBillingClient({ baseUrl: proxy.baseUrl, getToken: () => token, fetch: proxy.fetch });
    const session = await client.createCheckout({
      price_id: 'price_starter_monthly',
      success_url: 'http://billkit.test/done',
      cancel_url: 'http://billkit.test/back',
    });
    const { fetch, seen } = countingFetch(proxy);
    const wrapper = await billingWrapper(proxy, { user: 'user_free' }, { fetch });
    const { result } = renderHook(() => useCheckoutSession(session.session_id), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 404 });
    expect(seen).toHaveLength(1);
  });
});
