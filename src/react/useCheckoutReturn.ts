'use client';
import { useEffect, useRef, useState } from 'react';
import { skipToken, useQuery } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { CheckoutSessionSummary } from '../contract/types';
import { checkoutSessionQueryOptions } from './checkoutSessionQueryOptions';
import { invalidateAfterPayment } from './invalidateAfterPayment';
import { useActivateCheckout } from './useActivateCheckout';
import { useBillingContext } from './useBillingContext';

/** Options of {@link useCheckoutReturn}. */
export interface UseCheckoutReturnOptions {
  /** The signed session id; read from the page's `?session_id=` when omitted. */
  sessionId?: string | null;
  /**
   * Call `POST /api/v1/billing/activate` with the session (apps whose plan flips through
   * the activation endpoint, e.g. a free org going paid). Leave off when the app's own
   * backend activates with its API key, or when the checkout itself made the subscription.
   */
  activate?: boolean;
}

/**
 * Where a return from checkout stands: `missing` (no session id), `loading`,
 * `succeeded`, `invalid` (forged, expired, foreign or unknown session: the proxy's 403),
 * `pending` (not paid yet), or `error` (anything else; `retry` tries again).
 */
export type CheckoutReturnStatus = 'missing' | 'loading' | 'succeeded' | 'invalid' | 'pending' | 'error';

/** What {@link useCheckoutReturn} reports. */
export interface CheckoutReturn {
  status: CheckoutReturnStatus;
  sessionId: string | null;
  /** The session's plan, price and amounts, once loaded. */
  summary: CheckoutSessionSummary | undefined;
  error: BillingError | null;
  retry: () => void;
}

// A return can beat the processor's webhook by a moment: poll an unpaid session briefly.
const POLL_MS = 1000;
const MAX_POLLS = 10;

function sessionIdFromUrl(): string | null {
  if (typeof window === 'undefined') return null;
  return new URLSearchParams(window.location.search).get('session_id');
}

/**
 * The headless part of `<CheckoutReturn/>`: handles the page a checkout returns to
 * (`success_url?session_id=…`). It activates the session when asked, reads what was
 * bought, refreshes the billing data (subscription, entitlements, usage, invoices) and
 * reports the outcome.
 *
 * @example
 * const { status, summary } = useCheckoutReturn({ activate: true });
 * if (status === 'succeeded') return <p>Welcome to {summary?.plan.name}!</p>;
 */
export function useCheckoutReturn(options: UseCheckoutReturnOptions = {}): CheckoutReturn {
  const { client, queryClient, scope } = useBillingContext();
  const [sessionId] = useState(() => options.sessionId ?? sessionIdFromUrl());
  const activate = options.activate ?? false;
  const activation = useActivateCheckout();
  const { mutate: runActivation } = activation;

  useEffect(() => {
    // Activation is idempotent on the proxy, so a strict-mode double run is harmless.
    if (activate && sessionId) runActivation(sessionId);
  }, [activate, sessionId, runActivation]);

  // Not paid yet (409): the processor's webhook may still be on its way; ask again briefly.
  const activationRetries = useRef(0);
  const notPaid = activation.error?.code === 'checkout_not_paid';
  useEffect(() => {
    if (!notPaid || !sessionId || activationRetries.current >= MAX_POLLS) return;
    const timer = setTimeout(() => {
      activationRetries.current++;
      runActivation(sessionId);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [notPaid, activation.failureCount, activation.submittedAt, sessionId, runActivation]);

  const readable = sessionId !== null && (!activate || activation.isSuccess);
  const base = checkoutSessionQueryOptions(client, sessionId ?? '');
  const summary = useQuery(
    {
      ...base,
      queryFn: readable ? base.queryFn : skipToken,
      refetchInterval: (query) =>
        query.state.data?.status === 'open' && query.state.dataUpdateCount < MAX_POLLS ? POLL_MS : false,
    },
    queryClient,
  );

  const complete = summary.data?.status === 'complete';
  const refreshed = useRef(false);
  useEffect(() => {
    // The activation hook refreshes on its own; a plain return refreshes once here.
    if (complete && !activate && !refreshed.current) {
      refreshed.current = true;
      void invalidateAfterPayment(queryClient, scope);
    }
  }, [complete, activate, queryClient, scope]);

  const error = (activation.error ?? summary.error ?? null) as BillingError | null;
  let status: CheckoutReturnStatus;
  if (!sessionId) status = 'missing';
  else if (notPaid) status = activationRetries.current < MAX_POLLS ? 'loading' : 'pending';
  else if (error) status = error.status === 403 || error.status === 404 ? 'invalid' : 'error';
  else if (!summary.data) status = 'loading';
  else if (complete) status = 'succeeded';
  else if (summary.data.status === 'expired') status = 'invalid';
  else {
    const polls = queryClient.getQueryState(base.queryKey)?.dataUpdateCount ?? 0;
    status = polls < MAX_POLLS ? 'loading' : 'pending';
  }

  return {
    status,
    sessionId,
    summary: summary.data,
    error,
    retry: () => {
      activationRetries.current = 0;
      if (activation.isError && sessionId) runActivation(sessionId);
      else void summary.refetch();
    },
  };
}
