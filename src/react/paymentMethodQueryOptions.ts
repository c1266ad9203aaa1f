import { queryOptions } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { BillingClient } from '../client/createBillingClient';
import type { PaymentMethod } from '../contract/types';
import { billingKeys } from './billingKeys';
import { retryQuery, staleTimes } from './queryPolicy';

/** Query options of the caller's card on file (`GET /payment-method`; data `null` without one). */
export function paymentMethodQueryOptions(client: BillingClient) {
  return queryOptions<PaymentMethod | null, BillingError, PaymentMethod | null, ReturnType<typeof billingKeys.paymentMethod>>({
    queryKey: billingKeys.paymentMethod(client.scope),
    queryFn: ({ signal }) => client.getPaymentMethod({ signal }),
    // Changes only by the user's own actions here, which update the cache themselves.
    staleTime: staleTimes.subscription,
    retry: retryQuery,
  });
}
