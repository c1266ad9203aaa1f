import { createBillingClient, type BillingClient } from '../../src/index';
import type { TestProxy } from './proxy';

/** The browser's billing client for `user` (of `org`) against the in-process test proxy (its own fetch, a dev token). */
export async function billingClientFor(proxy: TestProxy, user: string, org?: string): Promise<BillingClient> {
  const token = await proxy.tokenFor(user, org);
  return createBillingClient({ baseUrl: proxy.baseUrl, getToken: () => token, fetch: proxy.fetch });
}
