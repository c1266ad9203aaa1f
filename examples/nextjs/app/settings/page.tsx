import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
// Server-safe exports of `billkit`: the client, the formatters and the query option factories.
import { createBillingClient, formatMoney, plansQueryOptions } from 'billkit';
import { getProxy, tokenFor } from '@/lib/proxy';
import { BillingSettings } from './BillingSettings';

export const dynamic = 'force-dynamic';

const BASE_URL = '/api/proxy/billing';

/**
 * A server component: formats money with Billkit's formatter and prefetches the plans, so
 * the PricingTable's plans are in the server HTML; the rest loads in the browser.
 */
export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ user?: string }> }) {
  const { user = 'user_free' } = await searchParams;
  const token = await tokenFor(user);
  const proxy = await getProxy();
  // Same baseUrl (so the same cache scope) as the browser's provider; requests go straight
  // to the proxy's fetch handler instead of over HTTP to ourselves.
  const client = createBillingClient({
    baseUrl: BASE_URL,
    getToken: () => token,
    fetch: async (input, init) => proxy.fetch(new Request(new URL(String(input instanceof Request ? input.url : input), 'http://localhost'), init)),
  });
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery(plansQueryOptions(client));

  return (
    <main style={{ maxWidth: 960, margin: '0 auto', display: 'grid', gap: '2rem' }}>
      <header>
        <h1 style={{ margin: 0 }}>Billing settings</h1>
        <p data-testid="server-price">Pro starts at {formatMoney(2900, 'usd', 'en-US')} a month.</p>
      </header>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <BillingSettings baseUrl={BASE_URL} token={token} />
      </HydrationBoundary>
    </main>
  );
}
