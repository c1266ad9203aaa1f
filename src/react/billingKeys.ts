/** The scope and parameters of a billing query key; absent fields match any value. */
export interface BillingKeyParams {
  scope?: string;
  metric?: string;
  limit?: number;
  sessionId?: string;
  priceId?: string;
  quantity?: number;
}

// Undefined fields are dropped: React Query matches key prefixes field by field, and an
// explicit `undefined` would match nothing instead of everything.
function params<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The one query-key factory of Billkit. Every key is `['billkit', resource, params]`,
 * where `params` holds the provider's scope (its `baseUrl`, or its `scope` prop) and the
 * resource's arguments. React Query matches keys by prefix and objects by their given
 * fields, so a key built without a scope matches that resource in every provider:
 *
 * @example
 * // after the app's own backend changed the plan:
 * queryClient.invalidateQueries({ queryKey: billingKeys.subscription() });
 * // everything Billkit cached (e.g. on sign-out):
 * queryClient.removeQueries({ queryKey: billingKeys.all });
 * // one provider's subscription only (its scope is `useBillingContext().client.scope`):
 * queryClient.invalidateQueries({ queryKey: billingKeys.subscription('/api/proxy/billing') });
 */
export const billingKeys = {
  /** Every Billkit query of every provider. */
  all: ['billkit'] as const,
  plans: (scope?: string) => ['billkit', 'plans', params({ scope })] as const,
  subscription: (scope?: string) => ['billkit', 'subscription', params({ scope })] as const,
  entitlements: (scope?: string) => ['billkit', 'entitlements', params({ scope })] as const,
  /** Usage of one metric; without `metric`, every metric. */
  usage: (metric?: string, scope?: string) => ['billkit', 'usage', params({ metric, scope })] as const,
  /** The invoice pages of one page size; without `limit`, every page size. */
  invoices: (limit?: number, scope?: string) => ['billkit', 'invoices', params({ limit, scope })] as const,
  checkoutSession: (sessionId?: string, scope?: string) =>
    ['billkit', 'checkoutSession', params({ sessionId, scope })] as const,
  /** The caller's card on file (Billkit addition). */
  paymentMethod: (scope?: string) => ['billkit', 'paymentMethod', params({ scope })] as const,
  /** The preview of changing the subscription to a price (and `quantity`); without `priceId`, every preview. */
  planChangePreview: (priceId?: string, scope?: string, quantity?: number) =>
    ['billkit', 'planChangePreview', params({ priceId, quantity, scope })] as const,
  /** The embedded checkout session `<CheckoutForm/>` created for a price, code and trial. */
  embeddedCheckout: (
    session: { priceId?: string; promotionCode?: string | null; trialDays?: number; quantity?: number; scope?: string } = {},
  ) => ['billkit', 'embeddedCheckout', params(session)] as const,
};
