import type { QueryClient, UseMutationOptions } from '@tanstack/react-query';
import type { BillingClient } from '../client/createBillingClient';
import type { BillingError } from '../client/BillingError';
import type { CardDetails, ConfirmPaymentMethodSetupResponse, PaymentMethod, PaymentMethodSetup } from '../contract/types';
import { billingKeys } from './billingKeys';
import { idempotencyKey } from './idempotencyKey';

/**
 * Variables of {@link setupPaymentMethodMutationOptions} (and `useSetupPaymentMethod`):
 * a card to attach (a new setup is started unless one is given), the answer to the
 * card's 3-D Secure challenge for the setup that asked for it, or (Stripe) a setup whose
 * SetupIntent the PaymentElement has confirmed in the browser, to record.
 */
export type UseSetupPaymentMethodVariables =
  | { card: CardDetails; setup?: PaymentMethodSetup; idempotencyKey?: string }
  | { approve: boolean; setup: PaymentMethodSetup; idempotencyKey?: string }
  | { confirmed: true; setup: PaymentMethodSetup; idempotencyKey?: string };

/** The confirm (or authenticate) answer, with the setup it belongs to (needed to answer a challenge). */
export type SetupPaymentMethodResult = ConfirmPaymentMethodSetupResponse & { setup: PaymentMethodSetup };

/**
 * Mutation options of attaching a new card: with the test processor `POST
 * /payment-method/setup`, then `…/setup/:id/confirm` with the card, or `…/authenticate`
 * with the answer to the challenge when the confirm said `requires_action`; with Stripe
 * `…/confirm` with only the secret once Stripe.js confirmed the SetupIntent. When the card
 * is attached it becomes the cached card on file. Never retried automatically.
 */
export function setupPaymentMethodMutationOptions(
  client: BillingClient,
  queryClient: QueryClient,
): UseMutationOptions<SetupPaymentMethodResult, BillingError, UseSetupPaymentMethodVariables> {
  return {
    mutationKey: [...billingKeys.paymentMethod(client.scope), 'setup'],
    mutationFn: async (variables) => {
      const call = { idempotencyKey: variables.idempotencyKey ?? idempotencyKey() };
      if ('approve' in variables) {
        const { setup, approve } = variables;
        const answer = await client.authenticatePaymentMethodSetup(setup.setup_id, { client_secret: setup.client_secret, approve }, call);
        return { ...answer, setup };
      }
      if ('confirmed' in variables) {
        const { setup } = variables;
        return { ...(await client.confirmPaymentMethodSetup(setup.setup_id, { client_secret: setup.client_secret }, call)), setup };
      }
      const setup = variables.setup ?? (await client.setupPaymentMethod());
      const answer = await client.confirmPaymentMethodSetup(setup.setup_id, { client_secret: setup.client_secret, card: variables.card }, call);
      return { ...answer, setup };
    },
    retry: false,
    onSuccess: (result) => {
      if (result.status === 'succeeded') {
        queryClient.setQueryData<PaymentMethod | null>(billingKeys.paymentMethod(client.scope), result.payment_method);
      }
    },
  };
}
