'use client';
import { createContext } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { BillingClient } from '../client/createBillingClient';
import type { BillingLabelOverrides } from './labels';
import type { StripeIntegration } from './stripeIntegration';

/** What `<BillingProvider>` gives the hooks and components below it. */
export interface BillingContextValue {
  /** The typed client, bound to the provider's `baseUrl` and `getToken`. */
  client: BillingClient;
  /** The React Query client the billing queries live in. */
  queryClient: QueryClient;
  /** The locale of money and date formatting. */
  locale: string;
  /**
   * The provider's `labels`: the app's overrides only (`{}` without any). Components lay
   * them over their own defaults with `useLabels(group, defaults)`.
   */
  labels: BillingLabelOverrides;
  /** The cache scope of this provider's queries (`client.scope`): pass it to `billingKeys`. */
  scope: string;
  /** The provider's Stripe opt-in (`stripeIntegration()` from `billkit/stripe`), if any. */
  stripe?: StripeIntegration;
}

export const BillingContext = createContext<BillingContextValue | null>(null);
