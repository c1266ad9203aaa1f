import type { QueryClient } from '@tanstack/react-query';
import { billingKeys } from './billingKeys';

/**
 * A completed checkout or an activation changes the subscription, the entitlements,
 * the usage period and adds an invoice: refetch exactly those (in this scope). Resolves
 * when the active ones have refetched, so a mutation stays pending until the UI is current.
 */
export async function invalidateAfterPayment(queryClient: QueryClient, scope: string): Promise<void> {
  await Promise.all(
    [
      billingKeys.subscription(scope),
      billingKeys.entitlements(scope),
      billingKeys.usage(undefined, scope),
      billingKeys.invoices(undefined, scope),
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}
