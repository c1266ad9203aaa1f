// Type tests, checked by `tsc --noEmit` (not run): the public hook API others build on.
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { expectTypeOf } from 'vitest';
import {
  billingKeys,
  createBillingClient,
  invoicesInfiniteQueryOptions,
  subscriptionQueryOptions,
  useActivateCheckout,
  useBillingContext,
  useCancelSubscription,
  useCheckout,
  useConfirmCheckout,
  useDownloadInvoice,
  useEntitlement,
  useEntitlements,
  useInvoices,
  usePlans,
  useSubscription,
  useUsage,
  type BillingError,
  type CheckoutSession,
  type ConfirmCheckoutResponse,
  type Entitlements,
  type Invoice,
  type InvoicesPage,
  type Plan,
  type Subscription,
  type UsageSummary,
} from '../../src/index';

declare const queryClient: QueryClient;
const client = createBillingClient({ baseUrl: '/api/proxy/billing', getToken: () => 'token' });

describe('hook types', () => {
  it('queries answer the wire types, with BillingError as the error', () => {
    expectTypeOf<ReturnType<typeof usePlans>['data']>().toEqualTypeOf<Plan[] | undefined>();
    expectTypeOf<ReturnType<typeof useSubscription>['data']>().toEqualTypeOf<Subscription | null | undefined>();
    expectTypeOf<ReturnType<typeof useSubscription>['error']>().toEqualTypeOf<BillingError | null>();
    expectTypeOf<ReturnType<typeof useEntitlements>['data']>().toEqualTypeOf<Entitlements | undefined>();
    expectTypeOf<ReturnType<typeof useEntitlement>['entitled']>().toEqualTypeOf<boolean>();
    expectTypeOf<ReturnType<typeof useUsage>['data']>().toEqualTypeOf<UsageSummary | undefined>();
    expectTypeOf<ReturnType<typeof useInvoices>['invoices']>().toEqualTypeOf<Invoice[]>();
    expectTypeOf<ReturnType<typeof useInvoices>['data']>().toEqualTypeOf<
      InfiniteData<InvoicesPage, string | undefined> | undefined
    >();
  });

  it('mutations take the documented variables', () => {
    expectTypeOf<Parameters<ReturnType<typeof useCancelSubscription>['mutate']>[0]>().toEqualTypeOf<{
      at_period_end: boolean;
    }>();
    expectTypeOf<ReturnType<typeof useCheckout>['data']>().toEqualTypeOf<CheckoutSession | undefined>();
    expectTypeOf<Parameters<ReturnType<typeof useCheckout>['mutate']>[0]>().toMatchTypeOf<{ price_id: string }>();
    expectTypeOf<ReturnType<typeof useConfirmCheckout>['data']>().toEqualTypeOf<ConfirmCheckoutResponse | undefined>();
    expectTypeOf<Parameters<ReturnType<typeof useDownloadInvoice>['mutate']>[0]>().toEqualTypeOf<Invoice | string>();
    expectTypeOf<Parameters<ReturnType<typeof useActivateCheckout>['mutate']>[0]>().toEqualTypeOf<string>();
  });

  it('query options type the cache', () => {
    const cached = queryClient.getQueryData(subscriptionQueryOptions(client).queryKey);
    expectTypeOf(cached).toEqualTypeOf<Subscription | null | undefined>();
    const pages = queryClient.getQueryData(invoicesInfiniteQueryOptions(client).queryKey);
    // React Query tags infinite keys with an `unknown` page param.
    expectTypeOf(pages).toEqualTypeOf<InfiniteData<InvoicesPage, unknown> | undefined>();
    expectTypeOf(billingKeys.all).toEqualTypeOf<readonly ['billkit']>();
  });

  it('the context exposes client, query client, locale, labels and scope', () => {
    type Context = ReturnType<typeof useBillingContext>;
    expectTypeOf<Context['queryClient']>().toEqualTypeOf<QueryClient>();
    expectTypeOf<Context['locale']>().toEqualTypeOf<string>();
    expectTypeOf<Context['scope']>().toEqualTypeOf<string>();
  });
});
