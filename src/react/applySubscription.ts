import type { QueryClient } from '@tanstack/react-query';
import type { Subscription } from '../contract/types';
import { billingKeys } from './billingKeys';

/**
 * Puts a cancel/resume answer into the cache and refetches the entitlements, the one
 * other resource a status change moves. The answer is merged over the cached
 * subscription, since a proxy may answer with only the fields that changed.
 */
export async function applySubscription(queryClient: QueryClient, scope: string, subscription: Subscription): Promise<void> {
  queryClient.setQueryData<Subscription | null>(billingKeys.subscription(scope), (cached) =>
    cached && cached.id === subscription.id ? { ...cached, ...subscription } : subscription,
  );
  await queryClient.invalidateQueries({ queryKey: billingKeys.entitlements(scope) });
}
