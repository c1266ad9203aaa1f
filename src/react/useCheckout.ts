'use client';
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { CheckoutRequest, CheckoutSession } from '../contract/types';
import { useBillingContext } from './useBillingContext';
import { CHECKOUT_SESSION_ID } from '../contract/checkoutSessionId';

/** Variables of {@link useCheckout}: the `POST /checkout` body, with the return URLs optional. */
export type UseCheckoutVariables = Omit<CheckoutRequest, 'success_url' | 'cancel_url'> & {
  /** Where to return after paying; defaults to this page with `?session_id={CHECKOUT_SESSION_ID}`. */
  success_url?: string;
  /** Where to return when the user gives up; defaults to this page. */
  cancel_url?: string;
  /** Hosted mode only: `false` returns the session without leaving the page. Default `true`. */
  redirect?: boolean;
};

/** This page's URL with `session_id` set to the placeholder the processor fills in. */
function successUrlHere(): string {
  const url = new URL(window.location.href);
  url.searchParams.delete('session_id');
  // Appended by hand: URLSearchParams would percent-encode the braces of the placeholder.
  const search = `${url.search ? `${url.search}&` : '?'}session_id=${CHECKOUT_SESSION_ID}`;
  return `${url.origin}${url.pathname}${search}${url.hash}`;
}

/**
 * Starts a checkout. Hosted mode (the default) sends the browser to the proxy's checkout
 * page, unless `redirect: false`; embedded mode returns the session (with its
 * `client_secret`) for an in-page form. Never retried: a second click is a second session.
 *
 * @example
 * const checkout = useCheckout();
 * checkout.mutate({ price_id: 'price_pro_monthly' }); // → redirects to checkout_url
 */
export function useCheckout(): UseMutationResult<CheckoutSession, BillingError, UseCheckoutVariables> {
  const { client, queryClient } = useBillingContext();
  return useMutation(
    {
      mutationFn: async ({ redirect = true, success_url, cancel_url, ...body }) => {
        const session = await client.createCheckout({
          ...body,
          success_url: success_url ?? successUrlHere(),
          cancel_url: cancel_url ?? window.location.href,
        });
        if (redirect && (body.ui_mode ?? 'hosted') === 'hosted') window.location.assign(session.checkout_url);
        return session;
      },
      retry: false,
    },
    queryClient,
  );
}
