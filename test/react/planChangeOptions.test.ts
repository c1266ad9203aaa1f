import { MutationObserver, QueryClient, QueryObserver } from '@tanstack/react-query';
import {
  BillingError,
  billingKeys,
  changePlanMutationOptions,
  entitlementsQueryOptions,
  payInvoiceMutationOptions,
  paymentMethodQueryOptions,
  planChangePreviewQueryOptions,
  setupPaymentMethodMutationOptions,
  subscriptionQueryOptions,
} from '../../src/index';
import type { PaymentMethod, PlanChangePreview, Subscription } from '../../src/contract/types';
import { startTestProxy, type TestProxy } from '../helpers/proxy';
import { billingClientFor } from '../helpers/billingClient';

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy({ seed: 'demo' });
});
afterAll(() => proxy?.close());

const clientFor = (user: string) => billingClientFor(proxy, user);

const card = { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' };

describe('plan change and payment method option factories (outside React)', () => {
  it('changePlanMutationOptions writes the subscription, drops cached previews and refetches entitlements and invoices', async () => {
    const client = await clientFor('user_pro');
    const queryClient = new QueryClient();
    await queryClient.fetchQuery(planChangePreviewQueryOptions(client, 'price_pro_annual'));
    expect(queryClient.getQueryData<PlanChangePreview>(billingKeys.planChangePreview('price_pro_annual', client.scope))?.effective).toBe('now');
    // An observed query is refetched by the invalidation (an unobserved one only marked stale).
    const entitlements = new QueryObserver(queryClient, entitlementsQueryOptions(client));
    const unsubscribe = entitlements.subscribe(() => undefined);
    await entitlements.refetch();
    const before = entitlements.getCurrentResult().dataUpdatedAt;

    const change = new MutationObserver(queryClient, changePlanMutationOptions(client, queryClient));
    const changed = await change.mutate({ price_id: 'price_pro_annual' });
    expect(changed.price.id).toBe('price_pro_annual');
    expect(queryClient.getQueryData<Subscription | null>(subscriptionQueryOptions(client).queryKey)?.price.id).toBe('price_pro_annual');
    expect(queryClient.getQueryData(billingKeys.planChangePreview('price_pro_annual', client.scope))).toBeUndefined();
    expect(entitlements.getCurrentResult().dataUpdatedAt).toBeGreaterThan(before);
    unsubscribe();
  });

  it('setupPaymentMethodMutationOptions attaches a card (after 3-D Secure) and makes it the cached card on file', async () => {
    const client = await clientFor('user_trial');
    const queryClient = new QueryClient();
    const setup = new MutationObserver(queryClient, setupPaymentMethodMutationOptions(client, queryClient));
    const challenged = await setup.mutate({ card: { ...card, number: '4000002500003155' } });
    expect(challenged.status).toBe('requires_action');
    const answered = await setup.mutate({ setup: challenged.setup, approve: true });
    expect(answered.status).toBe('succeeded');
    expect(queryClient.getQueryData<PaymentMethod | null>(paymentMethodQueryOptions(client).queryKey)).toMatchObject({ last4: '3155' });
    // What the cache holds is what the proxy now answers.
    expect(await client.getPaymentMethod()).toMatchObject({ last4: '3155', exp_month: 12, exp_year: 2034 });
  });

  it('payInvoiceMutationOptions rejects a declined payment with a 402 BillingError, then pays with a good card and the subscription turns active', async () => {
    const client = await clientFor('user_past_due');
    const queryClient = new QueryClient();
    const subscription = await client.getSubscription();
    const invoiceId = subscription!.latest_invoice!.id;
    const setup = new MutationObserver(queryClient, setupPaymentMethodMutationOptions(client, queryClient));
    await setup.mutate({ card: { ...card, number: '4000000000000341' } });

    const pay = new MutationObserver(queryClient, payInvoiceMutationOptions(client, queryClient));
    const error = await pay.mutate({ invoice: invoiceId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BillingError);
    expect((error as BillingError).status).toBe(402);
    expect(pay.getCurrentResult().failureCount).toBe(1);

    await setup.mutate({ card });
    const paid = await pay.mutate({ invoice: invoiceId });
    expect(paid.status).toBe('paid');
    expect((await client.getSubscription())?.status).toBe('active');
  });
});
