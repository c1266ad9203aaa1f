'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BillingError } from '../client/BillingError';
import type { PaymentMethodSetup } from '../contract/types';
import { useBillingContext } from './useBillingContext';

/** What {@link usePaymentMethodSetup} gives a card form. */
export interface PaymentMethodSetupState {
  /** The setup (`processor` says which form confirms it), once made. */
  setup: PaymentMethodSetup | undefined;
  /** Why it could not be made. */
  error: BillingError | null;
  /** Makes a new setup (after an error, or once the current one is used up). */
  renew: () => void;
}

/**
 * Starts a card setup (`POST /payment-method/setup`) when the form mounts, so the form
 * knows which processor confirms the card before it shows one: Billkit's own card fields
 * (test processor) or Stripe's PaymentElement on the SetupIntent. One setup per mounted
 * form (strict-mode double effects included); not a cached query, since a setup is a
 * server-side object that must not be shared between forms or re-made behind the user's back.
 */
export function usePaymentMethodSetup(): PaymentMethodSetupState {
  const { client } = useBillingContext();
  const [setup, setSetup] = useState<PaymentMethodSetup>();
  const [error, setError] = useState<BillingError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const pending = useRef<{ attempt: number; setup: Promise<PaymentMethodSetup> } | null>(null);

  useEffect(() => {
    // Kept in a ref, which survives strict mode's second run of this effect: one request per attempt.
    if (pending.current?.attempt !== attempt) pending.current = { attempt, setup: client.setupPaymentMethod() };
    let current = true;
    pending.current.setup.then(
      (made) => current && setSetup(made),
      (e: BillingError) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [client, attempt]);

  const renew = useCallback(() => {
    setSetup(undefined);
    setError(null);
    setAttempt((n) => n + 1);
  }, []);

  return { setup, error, renew };
}
