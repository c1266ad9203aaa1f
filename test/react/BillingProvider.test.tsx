import { render, renderHook, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import {
  BillingProvider,
  billingKeys,
  useBillingContext,
  useSubscription,
} from '../../src/index';
import { startTestProxy, type TestProxy } from '../helpers/proxy';
import { billingWrapper, countingFetch } from '../helpers/billingWrapper';

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy({ seed: 'demo' });
});
afterAll(() => proxy?.close());
afterEach(() => vi.restoreAllMocks());

function SubscriptionPlan({ name }: { name: string }) {
  const { data, isPending } = useSubscription();
  return <p data-testid={name}>{isPending ? 'loading' : (data?.plan.name ?? 'none')}</p>;
}

describe('BillingProvider', () => {
  it('dedupes: five consumers of useSubscription on one page make one request', async () => {
    const { fetch, count } = countingFetch(proxy);
    const wrapper = await billingWrapper(proxy, { user: 'user_pro' }, { fetch });
    render(
      <>
        {['a', 'b', 'c', 'd', 'e'].map((name) => (
          <SubscriptionPlan key={name} name={name} />
        ))}
      </>,
      { wrapper },
    );
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      await waitFor(() => expect(screen.getByTestId(name)).toHaveTextContent('Pro'));
    }
    expect(count('GET', '/subscription')).toBe(1);
  });

  it('two providers with different baseUrls in one QueryClient keep their data apart', async () => {
    const queryClient = new QueryClient();
    // A second mount point of the same proxy, for another subject.
    const otherBase = 'http://billing.other.test/billing';
    const viaOther: typeof fetch = (input, init) =>
      proxy.fetch(String(input).replace(otherBase, proxy.baseUrl), init);
    const proToken = await proxy.tokenFor('user_pro');
    const freeToken = await proxy.tokenFor('user_free');
    render(
      <>
        <BillingProvider baseUrl={proxy.baseUrl} getToken={() => proToken} fetch={proxy.fetch} queryClient={queryClient}>
          <SubscriptionPlan name="first" />
        </BillingProvider>
        <BillingProvider baseUrl={otherBase} getToken={() => freeToken} fetch={viaOther} queryClient={queryClient}>
          <SubscriptionPlan name="second" />
        </BillingProvider>
      </>,
    );
    await waitFor(() => expect(screen.getByTestId('first')).toHaveTextContent('Pro'));
    await waitFor(() => expect(screen.getByTestId('second')).toHaveTextContent('none'));
    expect(queryClient.getQueryData(billingKeys.subscription(proxy.baseUrl))).toMatchObject({ plan: { id: 'plan_pro' } });
    expect(queryClient.getQueryData(billingKeys.subscription(otherBase))).toBeNull();
    // an unscoped key reaches both providers' entries
    expect(queryClient.getQueriesData({ queryKey: billingKeys.subscription() })).toHaveLength(2);
  });

  it('providers with the same baseUrl but different scope props keep their data apart', async () => {
    const queryClient = new QueryClient();
    const proToken = await proxy.tokenFor('user_pro');
    const freeToken = await proxy.tokenFor('user_free');
    const base = { baseUrl: proxy.baseUrl, fetch: proxy.fetch, queryClient };
    render(
      <>
        <BillingProvider {...base} scope="user_pro" getToken={() => proToken}>
          <SubscriptionPlan name="pro" />
        </BillingProvider>
        <BillingProvider {...base} scope="user_free" getToken={() => freeToken}>
          <SubscriptionPlan name="free" />
        </BillingProvider>
      </>,
    );
    await waitFor(() => expect(screen.getByTestId('pro')).toHaveTextContent('Pro'));
    await waitFor(() => expect(screen.getByTestId('free')).toHaveTextContent('none'));
  });

  it('uses the queryClient prop', async () => {
    const queryClient = new QueryClient();
    const wrapper = await billingWrapper(proxy, { user: 'user_pro' }, { queryClient });
    const { result } = renderHook(() => ({ context: useBillingContext(), subscription: useSubscription() }), { wrapper });
    expect(result.current.context.queryClient).toBe(queryClient);
    await waitFor(() => expect(result.current.subscription.isSuccess).toBe(true));
    expect(queryClient.getQueryData(billingKeys.subscription(proxy.baseUrl))).toMatchObject({ status: 'active' });
  });

  it('uses the client of an enclosing QueryClientProvider, so the app can invalidate billing data', async () => {
    const queryClient = new QueryClient();
    const { fetch, count } = countingFetch(proxy);
    const Inner = await billingWrapper(proxy, { user: 'user_pro' }, { fetch });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <Inner>{children}</Inner>
      </QueryClientProvider>
    );
    const { result } = renderHook(() => ({ context: useBillingContext(), subscription: useSubscription() }), { wrapper });
    expect(result.current.context.queryClient).toBe(queryClient);
    await waitFor(() => expect(result.current.subscription.isSuccess).toBe(true));
    await queryClient.invalidateQueries({ queryKey: billingKeys.all });
    expect(count('GET', '/subscription')).toBe(2);
  });

  it('otherwise makes its own client, kept across renders', async () => {
    const wrapper = await billingWrapper(proxy, { user: 'user_pro' });
    const { result, rerender } = renderHook(() => useBillingContext(), { wrapper });
    const first = result.current.queryClient;
    expect(first).toBeInstanceOf(QueryClient);
    rerender();
    expect(result.current.queryClient).toBe(first);
  });

  it("exposes client, locale, the app's label overrides and scope", async () => {
    const wrapper = await billingWrapper(proxy, { user: 'user_pro' }, { locale: 'de-DE', labels: { retry: 'Nochmal' } });
    const { result } = renderHook(() => useBillingContext(), { wrapper });
    expect(result.current.locale).toBe('de-DE');
    expect(result.current.labels).toEqual({ retry: 'Nochmal' });
    expect(result.current.scope).toBe(proxy.baseUrl);
    expect(result.current.client.baseUrl).toBe(proxy.baseUrl);
  });

  it('reads getToken afresh on every request, even as an inline prop that changes', async () => {
    const tokens = { pro: await proxy.tokenFor('user_pro'), free: await proxy.tokenFor('user_free') };
    const queryClient = new QueryClient();
    const tree = (who: 'pro' | 'free') => (
      <BillingProvider baseUrl={proxy.baseUrl} getToken={() => tokens[who]} fetch={proxy.fetch} queryClient={queryClient}>
        <SubscriptionPlan name="plan" />
      </BillingProvider>
    );
    const { rerender } = render(tree('pro'));
    await waitFor(() => expect(screen.getByTestId('plan')).toHaveTextContent('Pro'));
    rerender(tree('free'));
    await queryClient.invalidateQueries({ queryKey: billingKeys.subscription() });
    await waitFor(() => expect(screen.getByTestId('plan')).toHaveTextContent('none'));
  });

  it('hooks outside a provider throw a clear error', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useSubscription())).toThrow(/inside <BillingProvider>/);
  });
});
