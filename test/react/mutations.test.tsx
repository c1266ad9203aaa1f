import { act, renderHook, waitFor } from '@testing-library/react';
import {
  BillingError,
  createBillingClient,
  useActivateCheckout,
  useCancelSubscription,
  useCheckout,
  useConfirmCheckout,
  useAuthenticateCheckout,
  useDownloadInvoice,
  useEntitlement,
  useEntitlements,
  useInvoices,
  useResumeSubscription,
  useSubscription,
  useUsage,
} from '../../src/index';
import { startTestProxy, type TestProxy } from '../helpers/proxy';
import { billingClientFor } from '../helpers/billingClient';
import { billingWrapper, countingFetch } from '../helpers/billingWrapper';

const paying = { number: '4242424242424242', exp_month: 12, exp_year: new Date().getFullYear() + 3, cvc: '123' };

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy({ seed: 'demo' });
});
afterAll(() => proxy?.close());
afterEach(() => vi.restoreAllMocks());

const clientFor = (user: string, org?: string) => billingClientFor(proxy, user, org);

describe('useCancelSubscription / useResumeSubscription', () => {
  it('cancel at period end, then resume: the cached subscription follows and entitlements refetch', async () => {
    const { fetch, count } = countingFetch(proxy);
    const wrapper = await billingWrapper(proxy, { user: 'user_pro' }, { fetch });
    const { result } = renderHook(
      () => ({
        subscription: useSubscription(),
        entitlements: useEntitlements(),
        cancel: useCancelSubscription(),
        resume: useResumeSubscription(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.subscription.isSuccess && result.current.entitlements.isSuccess).toBe(true));
    expect(result.current.subscription.data).toMatchObject({ cancel_at_period_end: false });

    await act(() => result.current.cancel.mutateAsync({ at_period_end: true }));
    await waitFor(() => expect(result.current.cancel.isSuccess).toBe(true));
    expect(result.current.subscription.data).toMatchObject({ status: 'active', cancel_at_period_end: true });
    // the answer was written into the cache: no refetch of the subscription
    expect(count('GET', '/subscription')).toBe(1);
    expect(count('GET', '/entitlements')).toBe(2);
    expect(result.current.entitlements.data).toMatchObject({ plan: 'pro', status: 'active' });

    await act(() => result.current.resume.mutateAsync());
    await waitFor(() => expect(result.current.resume.isSuccess).toBe(true));
    expect(result.current.subscription.data).toMatchObject({ status: 'active', cancel_at_period_end: false });
    expect(count('GET', '/subscription')).toBe(1);
    expect(count('GET', '/entitlements')).toBe(3);
    expect(count('POST', '/subscription/cancel')).toBe(1);
    expect(count('POST', '/subscription/resume')).toBe(1);
    // the cache says what the proxy says
    expect(await (await clientFor('user_pro')).getSubscription()).toEqual(result.current.subscription.data);
  });

  it('cancel now ends the subscription and the features with it', async () => {
    const wrapper = await billingWrapper(proxy, { user: 'user_trial' });
    const { result } = renderHook(
      () => ({ subscription: useSubscription(), basic: useEntitlement('basic_analytics'), cancel: useCancelSubscription() }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.basic.entitled).toBe(true));
    await act(() => result.current.cancel.mutateAsync({ at_period_end: false }));
    await waitFor(() => expect(result.current.cancel.isSuccess).toBe(true));
    expect(result.current.subscription.data).toMatchObject({ status: 'canceled' });
    expect(result.current.basic.entitled).toBe(false);
  });

  it('cancel and resume refetch the usage meter, so it never shows the old plan\'s numbers', async () => {
    const fresh = await startTestProxy({ seed: 'demo' });
    try {
      const { fetch, count } = countingFetch(fresh);
      const wrapper = await billingWrapper(fresh, { user: 'user_pro' }, { fetch });
      const { result } = renderHook(
        () => ({ usage: useUsage('api_calls'), cancel: useCancelSubscription(), resume: useResumeSubscription() }),
        { wrapper },
      );
      await waitFor(() => expect(result.current.usage.isSuccess).toBe(true));
      expect(result.current.usage.data).toMatchObject({ quantity: 8423, limit: 10000 });

      await act(() => result.current.cancel.mutateAsync({ at_period_end: true }));
      expect(count('GET', '/usage?metric=api_calls')).toBe(2);
      await act(() => result.current.resume.mutateAsync());
      expect(count('GET', '/usage?metric=api_calls')).toBe(3);

      await act(() => result.current.cancel.mutateAsync({ at_period_end: false }));
      expect(count('GET', '/usage?metric=api_calls')).toBe(4);
      // Back on the free tier: its calendar-month period and its limit, not Pro's 10,000.
      const free = await createBillingClient({ baseUrl: fresh.baseUrl, getToken: () => fresh.tokenFor('user_pro'), fetch: fresh.fetch }).getUsage('api_calls');
      expect(free.limit).toBe(1000);
      expect(result.current.usage.data).toEqual(free);
    } finally {
      await fresh.close();
    }
  });

  it('resuming an active subscription fails with the proxy\'s 400, once', async () => {
    const { fetch, count } = countingFetch(proxy);
    const wrapper = await billingWrapper(proxy, { user: 'user_past_due' }, { fetch });
    const { result } = renderHook(() => useResumeSubscription(), { wrapper });
    await act(async () => {
      await result.current.mutateAsync().catch(() => {});
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(BillingError);
    expect(result.current.error).toMatchObject({ status: 400 });
    expect(count('POST', '/subscription/resume')).toBe(1);
  });

  it('is not retried after a network failure', async () => {
    let posts = 0;
    const offlineForPosts: typeof fetch = (input, init) => {
      if (init?.method !== 'POST') return proxy.fetch(input, init);
      posts++;
      return Promise.reject(new TypeError('Failed to fetch'));
    };
    const wrapper = await billingWrapper(proxy, { user: 'user_canceling' }, { fetch: offlineForPosts });
    const { result } = renderHook(() => useCancelSubscription(), { wrapper });
    await act(async () => {
      await result.current.mutateAsync({ at_period_end: false }).catch(() => {});
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 0, code: 'network_error' });
    expect(result.current.failureCount).toBe(1);
    expect(posts).toBe(1);
  });
});

describe('useDownloadInvoice', () => {
  it('fetches the PDF with the token and saves it as invoice_<id>.pdf through a temporary link', async () => {
    const [invoice] = (await (await clientFor('user_pro')).listInvoices({ limit: 1 })).invoices;
    // jsdom has no object URLs and does not download: record what the hook hands the browser.
    const created: Blob[] = [];
    const revoked: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:billkit-test/1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
    const clicked: { href: string; download: string; inDocument: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, inDocument: document.body.contains(this) });
    });

    const wrapper = await billingWrapper(proxy, { user: 'user_pro' });
    const { result } = renderHook(() => useDownloadInvoice(), { wrapper });
    await act(() => result.current.mutateAsync(invoice!));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));

    expect(result.current.data!.filename).toBe(`invoice_${invoice!.id}.pdf`);
    expect(clicked).toEqual([{ href: 'blob:billkit-test/1', download: `invoice_${invoice!.id}.pdf`, inDocument: true }]);
    expect(created).toHaveLength(1);
    expect(created[0]).toBe(result.current.data!.blob);
    const bytes = new Uint8Array(await created[0]!.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(document.querySelector('a[download]')).toBeNull();
    await waitFor(() => expect(revoked).toEqual(['blob:billkit-test/1']), { timeout: 3000 });
  });

  it('another subject\'s invoice is a 404 and nothing is saved', async () => {
    const [invoice] = (await (await clientFor('user_pro')).listInvoices({ limit: 1 })).invoices;
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:unused');
    const wrapper = await billingWrapper(proxy, { user: 'user_trial' });
    const { result } = renderHook(() => useDownloadInvoice(), { wrapper });
    await act(async () => {
      await result.current.mutateAsync(invoice!.id).catch(() => {});
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 404 });
    expect(create).not.toHaveBeenCalled();
  });
});

describe('useCheckout', () => {
  it('hosted with redirect: false returns the session; return URLs default to this page', async () => {
    const { fetch, seen } = countingFetch(proxy);
    const wrapper = await billingWrapper(proxy, { user: 'user_free' }, { fetch });
    const { result } = renderHook(() => useCheckout(), { wrapper });
    const session = await act(() => result.current.mutateAsync({ price_id: 'price_starter_monthly', redirect: false }));
    expect(session.checkout_url).toMatch(/^https?:\/\//);
    const here = window.location.href;
    const [request] = seen.filter((r) => r.method === 'POST' && r.path === '/checkout');
    expect(request!.body).toEqual({
      price_id: 'price_starter_monthly',
      success_url: `${here}${here.includes('?') ? '&' : '?'}session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: here,
    });
  });

  it('passes explicit URLs, promotion code and trial through', async () => {
    const { fetch, seen } = countingFetch(proxy);
    const wrapper = await billingWrapper(proxy, { user: 'user_free' }, { fetch });
    const { result } = renderHook(() => useCheckout(), { wrapper });
    await act(() =>
      result.current.mutateAsync({
        price_id: 'price_pro_monthly',
        success_url: 'http://billkit.test/ok',
        cancel_url: 'http://billkit.test/back',
        promotion_code: 'TENOFF',
        trial_days: 7,
        ui_mode: 'embedded',
      }),
    );
    expect(seen.at(-1)!.body).toEqual({
      price_id: 'price_pro_monthly',
      success_url: 'http://billkit.test/ok',
      cancel_url: 'http://billkit.test/back',
      promotion_code: 'TENOFF',
      trial_days: 7,
      ui_mode: 'embedded',
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data!.client_secret).toEqual(expect.any(String));
  });

  it('a rejected promotion code is a 400 BillingError, sent once', async () => {
    const { fetch, count } = countingFetch(proxy);
    const wrapper = await billingWrapper(proxy, { user: 'user_free' }, { fetch });
    const { result } = renderHook(() => useCheckout(), { wrapper });
    await act(async () => {
      await result.current.mutateAsync({ price_id: 'price_pro_monthly', promotion_code: 'EXPIRED20', redirect: false }).catch(() => {});
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 400, param: 'promotion_code' });
    expect(count('POST', '/checkout')).toBe(1);
  });
});

describe('embedded checkout: useConfirmCheckout / useAuthenticateCheckout', () => {
  it('paying refreshes subscription, entitlements, usage and invoices; each attempt has its own idempotency key', async () => {
    const { fetch, seen } = countingFetch(proxy);
    const wrapper = await billingWrapper(proxy, { user: 'user_new_customer' }, { fetch });
    const { result } = renderHook(
      () => ({
        subscription: useSubscription(),
        api: useEntitlement('api_access'),
        usage: useUsage('api_calls'),
        invoices: useInvoices(),
        checkout: useCheckout(),
        confirm: useConfirmCheckout(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.subscription.isSuccess && result.current.invoices.isSuccess).toBe(true));
    expect(result.current.subscription.data).toBeNull();
    expect(result.current.api.entitled).toBe(false);
    expect(result.current.invoices.invoices).toEqual([]);

    const session = await act(() => result.current.checkout.mutateAsync({ price_id: 'price_pro_monthly', ui_mode: 'embedded' }));
    const declined = { ...paying, number: '4000000000000002' };
    await act(async () => {
      await result.current.confirm
        .mutateAsync({ sessionId: session.session_id, client_secret: session.client_secret!, card: declined })
        .catch(() => {});
    });
    await waitFor(() => expect(result.current.confirm.isError).toBe(true));
    expect(result.current.confirm.error).toMatchObject({ status: 402, code: 'card_declined' });

    const paid = await act(() =>
      result.current.confirm.mutateAsync({ sessionId: session.session_id, client_secret: session.client_secret!, card: paying }),
    );
    expect(paid.status).toBe('succeeded');
    await waitFor(() => expect(result.current.confirm.isSuccess).toBe(true));
    expect(result.current.subscription.data).toMatchObject({ plan: { id: 'plan_pro' }, status: 'active' });
    expect(result.current.api.entitled).toBe(true);
    expect(result.current.usage.data).toMatchObject({ limit: 10000 });
    expect(result.current.invoices.invoices.length).toBeGreaterThan(0);

    const confirms = seen.filter((r) => r.method === 'POST' && r.path.endsWith('/confirm'));
    expect(confirms).toHaveLength(2);
    const keys = confirms.map((r) => r.headers.get('idempotency-key'));
    expect(keys[0]).toEqual(expect.any(String));
    expect(keys[1]).toEqual(expect.any(String));
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('a 3-D Secure card needs authentication; approving it completes the payment', async () => {
    const wrapper = await billingWrapper(proxy, { user: 'user_3ds_customer' });
    const { result } = renderHook(
      () => ({
        subscription: useSubscription(),
        checkout: useCheckout(),
        confirm: useConfirmCheckout(),
        authenticate: useAuthenticateCheckout(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.subscription.isSuccess).toBe(true));
    const session = await act(() => result.current.checkout.mutateAsync({ price_id: 'price_starter_monthly', ui_mode: 'embedded' }));
    const secret = session.client_secret!;
    const pending = await act(() =>
      result.current.confirm.mutateAsync({
        sessionId: session.session_id,
        client_secret: secret,
        card: { ...paying, number: '4000002500003155' },
      }),
    );
    expect(pending).toEqual({ status: 'requires_action', next_action: { type: 'authenticate' } });
    expect(result.current.subscription.data).toBeNull();

    const done = await act(() =>
      result.current.authenticate.mutateAsync({ sessionId: session.session_id, client_secret: secret, approve: true }),
    );
    expect(done.status).toBe('succeeded');
    await waitFor(() => expect(result.current.authenticate.isSuccess).toBe(true));
    expect(result.current.subscription.data).toMatchObject({ plan: { id: 'plan_starter' } });
  });
});

describe('useActivateCheckout', () => {
  it('after a paid checkout of org_acme, activation flips the cached entitlements', async () => {
    const { fetch, count } = countingFetch(proxy);
    const wrapper = await billingWrapper(proxy, { user: 'user_admin', org: 'org_acme' }, { fetch });
    const { result } = renderHook(
      () => ({ entitlements: useEntitlements(), subscription: useSubscription(), activate: useActivateCheckout() }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.entitlements.isSuccess).toBe(true));
    expect(result.current.entitlements.data).toEqual({ plan: null, status: null, features: [] });

    // the checkout happens elsewhere (another tab, the hosted page): drive it through the client
    const client = await clientFor('user_admin', 'org_acme');
    const session = await client.createCheckout({
      price_id: 'price_pro_monthly',
      success_url: 'http://billkit.test/billing?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://billkit.test/billing',
      ui_mode: 'embedded',
    });
    await client.confirmCheckout(
      session.session_id,
      { client_secret: session.client_secret!, card: paying },
      { idempotencyKey: crypto.randomUUID() },
    );
    expect(result.current.entitlements.data!.plan).toBeNull();

    await act(() => result.current.activate.mutateAsync(session.session_id));
    await waitFor(() => expect(result.current.activate.isSuccess).toBe(true));
    expect(result.current.activate.data).toEqual({ success: true });
    expect(result.current.entitlements.data).toMatchObject({ plan: 'pro', status: 'active' });
    expect(result.current.subscription.data).toMatchObject({ plan: { id: 'plan_pro' } });
    expect(count('POST', '/api/v1/billing/activate')).toBe(1);

    // activating twice is safe
    expect(await act(() => result.current.activate.mutateAsync(session.session_id))).toEqual({ success: true });
  });

  it('a forged session is a 403, sent once', async () => {
    const { fetch, count } = countingFetch(proxy);
    const wrapper = await billingWrapper(proxy, { user: 'user_free' }, { fetch });
    const { result } = renderHook(() => useActivateCheckout(), { wrapper });
    await act(async () => {
      await result.current.mutateAsync('cs_forged.0.deadbeef').catch(() => {});
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 403 });
    expect(count('POST', '/api/v1/billing/activate')).toBe(1);
  });
});
