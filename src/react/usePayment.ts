'use client';
import { useEffect, useRef, useState } from 'react';
import type { BillingError } from '../client/BillingError';
import { withCheckoutSessionId } from '../contract/checkoutSessionId';
import type { CheckoutSession, Subscription } from '../contract/types';
import { invalidateAfterPayment } from './invalidateAfterPayment';
import type { PaymentPhase } from './paymentPhase';
import { useBillingContext } from './useBillingContext';
import { waitForCheckoutSubscription } from './waitForCheckoutSubscription';

/** Options of {@link usePayment}. */
export interface UsePaymentOptions {
  /** The embedded checkout being paid (`useEmbeddedCheckout().session`). */
  session: CheckoutSession | null | undefined;
  /** Where to go once paid (`{CHECKOUT_SESSION_ID}` replaced); stay on the page when omitted. */
  successUrl?: string;
  onSuccess?: (subscription: Subscription) => void;
  onError?: (error: BillingError) => void;
}

/** What {@link usePayment} returns: the payment's state and the transitions a payment form drives. */
export interface Payment {
  phase: PaymentPhase;
  /** The last failed attempt's error, cleared when a new attempt starts or one succeeds. */
  error: BillingError | null;
  /** The new subscription once `phase` is `succeeded`. */
  subscription: Subscription | null;
  /** A payment form reports its own phase (`paying`, `requires_action`, …). */
  setPhase(next: PaymentPhase): void;
  succeed(subscription: Subscription): void;
  fail(error: BillingError): void;
  /**
   * The processor confirmed the payment in the page (Stripe): waits until the proxy has
   * heard from the processor's webhook and the subscription exists, then succeeds.
   */
  confirmedByProcessor(): Promise<void>;
}

/**
 * The payment state machine of an embedded checkout form, headless: `idle` → `paying` →
 * (`requires_action` →) `succeeded`, or `error` and ready to try again. Success calls
 * `onSuccess` and, with a `successUrl`, sends the browser there.
 *
 * @example
 * const checkout = useEmbeddedCheckout({ priceId });
 * const payment = usePayment({ session: checkout.session, onSuccess });
 */
export function usePayment(options: UsePaymentOptions): Payment {
  const { session, successUrl, onSuccess, onError } = options;
  const { client, queryClient, scope } = useBillingContext();
  const [phase, setPhaseState] = useState<PaymentPhase>('idle');
  const [error, setError] = useState<BillingError | null>(null);
  const [subscription, setSubscription] = useState<Subscription | null>(null);
  // Stops waiting for the processor's webhook when the form goes away.
  const unmounted = useRef<AbortController | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    unmounted.current = controller;
    return () => controller.abort();
  }, []);

  const succeed = (sub: Subscription) => {
    setSubscription(sub);
    setPhaseState('succeeded');
    setError(null);
    onSuccess?.(sub);
    if (successUrl && session) {
      window.location.assign(withCheckoutSessionId(successUrl, session.session_id));
    }
  };
  const fail = (e: BillingError) => {
    setPhaseState('error');
    setError(e);
    onError?.(e);
  };
  return {
    phase,
    error,
    subscription,
    setPhase(next) {
      if (next === 'paying') setError(null);
      setPhaseState(next);
    },
    succeed,
    fail,
    async confirmedByProcessor() {
      try {
        const signal = unmounted.current?.signal;
        const sub = await waitForCheckoutSubscription(client, session!.session_id, signal ? { signal } : {});
        // The test path's hooks refresh on their own; here the change came through the processor.
        await invalidateAfterPayment(queryClient, scope);
        succeed(sub);
      } catch (e) {
        if (!unmounted.current?.signal.aborted) fail(e as BillingError);
      }
    },
  };
}
