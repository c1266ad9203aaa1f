import { BillingError } from '../client/BillingError';

/**
 * How long each resource stays fresh. Plans change with a deploy; the subscription and
 * entitlements change with the user's own actions (which update the cache themselves) or
 * a webhook; usage moves while the app is used.
 */
export const staleTimes = {
  plans: 5 * 60_000,
  subscription: 30_000,
  entitlements: 30_000,
  usage: 15_000,
  invoices: 60_000,
  checkoutSession: 10_000,
} as const;

/**
 * Queries retry a failed connection or a 5xx up to twice; a 4xx is the proxy's answer
 * (bad token, not found, bad input) and asking again cannot change it.
 */
export function retryQuery(failureCount: number, error: unknown): boolean {
  if (error instanceof BillingError && error.isClientError) return false;
  return failureCount < 2;
}
