import { MutationObserver, QueryClient } from '@tanstack/react-query';
import {
  BillingError,
  cancelSubscriptionMutationOptions,
  resumeSubscriptionMutationOptions,
  subscriptionQueryOptions,
} from '../../src/index';
import type { Subscription } from '../../src/contract/types';
import { startTestProxy, type TestProxy } from '../helpers/proxy';
import { billingClientFor } from '../helpers/billingClient';

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy({ seed: 'demo' });
});
afterAll(() => proxy?.close());

const clientFor = (user: string) => billingClientFor(proxy, user);

describe('mutation option factories (outside React)', () => {
  it('cancelSubscriptionMutationOptions cancels at period end and writes the answer into the cache', async () => {
    const client = await clientFor('user_pro');
    const queryClient = new QueryClient();
    const cancel = new MutationObserver(queryClient, cancelSubscriptionMutationOptions(client, queryClient));
    const canceled = await cancel.mutate({ at_period_end: true });
    expect(canceled.cancel_at_period_end).toBe(true);
    expect(queryClient.getQueryData<Subscription | null>(subscriptionQueryOptions(client).queryKey)?.cancel_at_period_end).toBe(true);

    const resume = new MutationObserver(queryClient, resumeSubscriptionMutationOptions(client, queryClient));
    const resumed = await resume.mutate();
    expect(resumed.cancel_at_period_end).toBe(false);
    expect(queryClient.getQueryData<Subscription | null>(subscriptionQueryOptions(client).queryKey)?.cancel_at_period_end).toBe(false);
  });

  it('rejects with a BillingError carrying the proxy’s code, without retrying', async () => {
    const client = await clientFor('user_free');
    const queryClient = new QueryClient();
    const resume = new MutationObserver(queryClient, resumeSubscriptionMutationOptions(client, queryClient));
    const error = await resume.mutate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BillingError);
    expect((error as BillingError).code).toBe('no_subscription');
    expect(resume.getCurrentResult().failureCount).toBe(1);
  });
});
