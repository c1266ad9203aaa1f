'use client';
import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { BillingError } from '../client/BillingError';
import type { CheckoutSession, CheckoutSessionSummary } from '../contract/types';
import { billingKeys } from './billingKeys';
import { checkoutSessionQueryOptions } from './checkoutSessionQueryOptions';
import { retryQuery } from './queryPolicy';
import { useBillingContext } from './useBillingContext';
import { useCheckoutSession } from './useCheckoutSession';

/** Options of {@link useEmbeddedCheckout}. */
export interface UseEmbeddedCheckoutOptions {
  priceId: string;
  /** A promotion code to start with; the user can apply another one. */
  promotionCode?: string;
  trialDays?: number;
  /** Units to buy of a `per_unit` price (seats); the proxy defaults to its `min_quantity`. */
  quantity?: number;
  /** Where a hosted fallback and 3-D Secure redirects return to; defaults to this page. */
  successUrl?: string;
  cancelUrl?: string;
}

/** What {@link useEmbeddedCheckout} gives a checkout form. */
export interface EmbeddedCheckout {
  /** The embedded session (`client_secret`, `processor`, …) once created. */
  session: CheckoutSession | undefined;
  /** What the session will charge, once loaded. */
  summary: CheckoutSessionSummary | undefined;
  /** The error that stopped the session from being created or loaded. */
  error: BillingError | null;
  isLoading: boolean;
  /** Retries a failed creation or load. */
  retry: () => void;
  /**
   * Starts a new session with `code` (or without a code for `null`). Resolves once the
   * new session is in place; rejects with the server's `BillingError` (e.g.
   * `promotion_code_invalid`, `promotion_code_expired`), keeping the current session.
   */
  applyPromotionCode: (code: string | null) => Promise<void>;
  /** The code of the current session (`null` without one). */
  promotionCode: string | null;
}

const here = () => (typeof window === 'undefined' ? 'http://localhost/' : window.location.href);

/**
 * The headless part of `<CheckoutForm/>`: creates an embedded checkout session for a
 * price (`POST /checkout` with `ui_mode: "embedded"`) and loads its summary. A session
 * is created once per price, code, trial and quantity (React Query dedupes it, so strict-mode
 * double mounts do not make two); applying a promotion code makes a new session.
 */
export function useEmbeddedCheckout(options: UseEmbeddedCheckoutOptions): EmbeddedCheckout {
  const { client, queryClient, scope } = useBillingContext();
  const { priceId, trialDays, quantity } = options;
  const successUrl = options.successUrl ?? here();
  const cancelUrl = options.cancelUrl ?? here();
  const [code, setCode] = useState<string | null>(options.promotionCode ?? null);

  const keyFor = (promotionCode: string | null) =>
    billingKeys.embeddedCheckout({ priceId, promotionCode, trialDays, quantity, scope });
  const create = (promotionCode: string | null, signal?: AbortSignal) =>
    client.createCheckout(
      {
        price_id: priceId,
        success_url: successUrl,
        cancel_url: cancelUrl,
        ui_mode: 'embedded',
        ...(promotionCode && { promotion_code: promotionCode }),
        ...(trialDays !== undefined && { trial_days: trialDays }),
        ...(quantity !== undefined && { quantity }),
      },
      { signal },
    );

  const sessionQuery = useQuery(
    {
      queryKey: keyFor(code),
      queryFn: ({ signal }) => create(code, signal),
      // A session is a server-side object: never re-created behind the user's back.
      staleTime: Infinity,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      retry: retryQuery,
    },
    queryClient,
  );
  const session = sessionQuery.data;
  const summaryQuery = useCheckoutSession(session?.session_id);

  const applyPromotionCode = useCallback(
    async (next: string | null) => {
      const normalized = next?.trim().toUpperCase() || null;
      if (normalized === code) return;
      const key = keyFor(normalized);
      let created = queryClient.getQueryData<CheckoutSession>(key);
      if (!created) {
        // Created outside the query so a refused code leaves the current session in place.
        created = await create(normalized);
        queryClient.setQueryData(key, created);
      }
      // Its summary too, so the form swaps prices at once instead of flashing a skeleton.
      await queryClient.fetchQuery(checkoutSessionQueryOptions(client, created.session_id));
      setCode(normalized);
    },
    // keyFor/create only close over these values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [code, priceId, trialDays, quantity, successUrl, cancelUrl, scope, client, queryClient],
  );

  return {
    session,
    summary: summaryQuery.data,
    error: (sessionQuery.error ?? summaryQuery.error ?? null) as BillingError | null,
    isLoading: sessionQuery.isPending || (session !== undefined && summaryQuery.isPending),
    retry: () => {
      if (sessionQuery.error) void sessionQuery.refetch();
      else void summaryQuery.refetch();
    },
    applyPromotionCode,
    promotionCode: code,
  };
}
