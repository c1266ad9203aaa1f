import type { QueryClient } from '@tanstack/react-query';
import type { Subscription } from '../contract/types';
import { billingKeys } from './billingKeys';

/**
 * Puts a cancel/resume answer into the cache and refetches what a status change moves:
 * the entitlements and the usage of every metric (an immediate cancel puts the subject
 * back on the free tier's period and limits). The answer is merged over the cached
 * subscription, since a proxy may answer with only the fields that changed.
 */
export async function applySubscription(queryClient: QueryClient, scope: string, subscription: Subscription): Promise<void> {
  queryClient.setQueryData<Subscription | null>(billingKeys.subscription(scope), (cached) =>
    cached && cached.id === subscription.id ? { ...cached, ...subscription } : subscription,
  );
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: billingKeys.entitlements(scope) }),
    queryClient.invalidateQueries({ queryKey: billingKeys.usage(undefined, scope) }),
  ]);
}
