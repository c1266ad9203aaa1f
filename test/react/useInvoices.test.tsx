import { act, renderHook, waitFor } from '@testing-library/react';
import { createBillingClient, useInvoices } from '../../src/index';
import { startTestProxy, type TestProxy } from '../helpers/proxy';
import { billingWrapper, countingFetch } from '../helpers/billingWrapper';

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy({ seed: 'demo' });
});
afterAll(() => proxy?.close());

describe('useInvoices', () => {
  it('pages through all of user_pro\'s invoices to the end, most recent first, no duplicates', async () => {
    const token = await proxy.tokenFor('user_pro');
    const all = await createBillingClient({ baseUrl: proxy.baseUrl, getToken: () => token, fetch: proxy.fetch }).listInvoices({
      limit: 100,
    });
    expect(all.has_more).toBe(false);
    expect(all.invoices.length).toBeGreaterThan(10);

    const { fetch, seen } = countingFetch(proxy);
    const wrapper = await billingWrapper(proxy, { user: 'user_pro' }, { fetch });
    const { result } = renderHook(() => useInvoices({ limit: 4 }), { wrapper });
    expect(result.current.isPending).toBe(true);
    expect(result.current.invoices).toEqual([]);
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.invoices).toHaveLength(4);
    expect(result.current.hasNextPage).toBe(true);

    while (result.current.hasNextPage) {
      await act(() => result.current.fetchNextPage());
    }

    const { invoices, data } = result.current;
    expect(invoices.map((i) => i.id)).toEqual(all.invoices.map((i) => i.id));
    expect(new Set(invoices.map((i) => i.id)).size).toBe(invoices.length);
    const created = invoices.map((i) => Date.parse(i.created_at));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(data!.pages.at(-1)!.has_more).toBe(false);
    expect(data!.pages).toHaveLength(Math.ceil(all.invoices.length / 4));
    // every page after the first asked for the invoices after the previous page's last one
    const pageRequests = seen.filter((r) => r.path.startsWith('/invoices'));
    expect(pageRequests[0]!.path).toBe('/invoices?limit=4');
    for (let page = 1; page < pageRequests.length; page++) {
      const previousLast = data!.pages[page - 1]!.invoices.at(-1)!.id;
      expect(pageRequests[page]!.path).toBe(`/invoices?limit=4&starting_after=${previousLast}`);
    }
  });

  it('is empty for a subject without invoices', async () => {
    const wrapper = await billingWrapper(proxy, { user: 'user_free' });
    const { result } = renderHook(() => useInvoices(), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.invoices).toEqual([]);
    expect(result.current.hasNextPage).toBe(false);
  });

  it('keeps the flattened list identical across renders that change nothing', async () => {
    const wrapper = await billingWrapper(proxy, { user: 'user_pro' });
    const { result, rerender } = renderHook(() => useInvoices({ limit: 3 }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const first = result.current.invoices;
    rerender();
    expect(result.current.invoices).toBe(first);
  });
});
