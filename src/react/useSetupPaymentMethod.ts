'use client';
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import {
  setupPaymentMethodMutationOptions,
  type SetupPaymentMethodResult,
  type UseSetupPaymentMethodVariables,
} from './setupPaymentMethodMutationOptions';
import type { BillingError } from '../client/BillingError';
import { useBillingContext } from './useBillingContext';

export type { SetupPaymentMethodResult, UseSetupPaymentMethodVariables };

/**
 * Attaches a new card with the test processor's card form: `mutate({ card })` starts a
 * setup and confirms it; when the answer is `requires_action`, `mutate({ setup, approve })`
 * answers the 3-D Secure challenge. An attached card becomes the cached card on file.
 * Never retried automatically.
 *
 * @example
 * const setup = useSetupPaymentMethod();
 * const answer = await setup.mutateAsync({ card });
 * if (answer.status === 'requires_action') await setup.mutateAsync({ setup: answer.setup, approve: true });
 */
export function useSetupPaymentMethod(): UseMutationResult<SetupPaymentMethodResult, BillingError, UseSetupPaymentMethodVariables> {
  const { client, queryClient } = useBillingContext();
  return useMutation(setupPaymentMethodMutationOptions(client, queryClient), queryClient);
}
