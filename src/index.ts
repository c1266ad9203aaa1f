'use client';
/**
 * The browser entry of Billkit: `BillingProvider`, the components, the hooks and the
 * wire types. Explicit named exports only, so bundlers tree-shake per component.
 * Nothing here may import from `src/server` (test/client/entry-boundary.test.ts).
 */

// --- client: wire types, fetch client, BillingError
export type {
  ActivateResponse,
  CancelRequest,
  CheckoutRequest,
  CheckoutSession,
  Entitlements,
  ErrorBody,
  Interval,
  Invoice,
  InvoicesPage,
  InvoiceStatus,
  Plan,
  PlansResponse,
  Price,
  Subscription,
  SubscriptionResponse,
  SubscriptionStatus,
  UsageSummary,
} from './client/types';

// --- react: provider, keys, query options, hooks

// --- components
