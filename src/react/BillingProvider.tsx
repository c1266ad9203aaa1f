'use client';
import { useContext, useEffect, useInsertionEffect, useMemo, useRef, type ReactNode } from 'react';
import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import { createBillingClient, type BillingClientOptions } from '../client/createBillingClient';
import { BillingContext, type BillingContextValue } from './BillingContext';
import type { BillingLabelOverrides } from './labels';
import type { StripeIntegration } from './stripeIntegration';

/** Props of {@link BillingProvider}. */
export interface BillingProviderProps {
  /** Where the proxy endpoints live, e.g. `/api/proxy/billing`. */
  baseUrl: string;
  /** The user's session token (JWT); awaited before every request. */
  getToken: BillingClientOptions['getToken'];
  /** Locale of money and date formatting; defaults to the browser's language, then `en-US`. */
  locale?: string;
  /**
   * The React Query client to keep billing data in. Without it, the client of an
   * enclosing `<QueryClientProvider>` is used, and without one of those the provider
   * makes its own (one per provider, kept across renders).
   */
  queryClient?: QueryClient;
  /** The `fetch` requests go through (tests and stories pass the proxy's `app.fetch`). */
  fetch?: typeof fetch;
  /** Called on every 401 answer (missing or expired session). */
  onUnauthorized?: (error: BillingError) => void;
  /** The activation endpoint; defaults to `/api/v1/billing/activate` on the origin of `baseUrl`. */
  activateUrl?: string;
  /**
   * Cache identity of this provider's data; defaults to `baseUrl`. Providers with
   * different scopes never share cached data: pass the user or org id when one page
   * shows several subjects through the same proxy.
   */
  scope?: string;
  /**
   * Overrides of any user-facing string (localisation, tone), by group: `{ retry: …,
   * pricingTable: { title: … } }`. Each component keeps its own defaults and takes these
   * over them, one level into each group.
   */
  labels?: BillingLabelOverrides;
  /**
   * Opts every `<CheckoutForm/>` below into the Stripe path: `stripeIntegration()` from
   * `billkit/stripe` (needs `@stripe/stripe-js` and `@stripe/react-stripe-js`). Without it,
   * a Stripe session shows an error saying so; the test processor needs nothing.
   */
  stripe?: StripeIntegration;
  children?: ReactNode;
}

const NO_OVERRIDES: BillingLabelOverrides = {};

function browserLocale(): string {
  return (typeof navigator !== 'undefined' && navigator.language) || 'en-US';
}

/**
 * Gives the Billkit hooks and components below it their client, cache, locale and labels.
 *
 * @example
 * <BillingProvider baseUrl="/api/proxy/billing" getToken={() => session.token}>
 *   <SubscriptionCard />
 * </BillingProvider>
 */
export function BillingProvider(props: BillingProviderProps): ReactNode {
  const { baseUrl, activateUrl, scope, locale, labels, stripe, children } = props;

  // The client is rebuilt only when its address changes; the callbacks are read through a
  // ref so an inline `getToken={() => …}` neither rebuilds it nor goes stale.
  const latest = useRef(props);
  useInsertionEffect(() => {
    latest.current = props;
  });
  const client = useMemo(
    () =>
      createBillingClient({
        baseUrl,
        ...(activateUrl !== undefined && { activateUrl }),
        ...(scope !== undefined && { scope }),
        getToken: () => latest.current.getToken(),
        fetch: (input, init) => (latest.current.fetch ?? globalThis.fetch)(input, init),
        onUnauthorized: (error) => latest.current.onUnauthorized?.(error),
      }),
    [baseUrl, activateUrl, scope],
  );

  const enclosing = useContext(QueryClientContext);
  const own = useRef<QueryClient | null>(null);
  // Stable without a memo: a prop, the enclosing context's client, or the one kept in a ref.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- each operand is stable across renders
  const queryClient = props.queryClient ?? enclosing ?? (own.current ??= new QueryClient());
  useEffect(() => {
    // Mounting is counted, so this is safe for a client an app provider mounts too; it
    // connects refetch-on-focus and on-reconnect.
    queryClient.mount();
    return () => queryClient.unmount();
  }, [queryClient]);

  const overrides = labels ?? NO_OVERRIDES;
  const resolvedLocale = locale ?? browserLocale();
  const value = useMemo<BillingContextValue>(
    () => ({ client, queryClient, locale: resolvedLocale, labels: overrides, scope: client.scope, ...(stripe && { stripe }) }),
    [client, queryClient, resolvedLocale, overrides, stripe],
  );
  return <BillingContext.Provider value={value}>{children}</BillingContext.Provider>;
}
