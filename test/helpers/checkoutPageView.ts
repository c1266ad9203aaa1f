import type { CheckoutPageView } from '../../src/server/pages/checkoutPage';

/** A hosted checkout page view for Pro monthly ($29.00), open, with `overrides` applied. */
export function checkoutPageView(overrides: Partial<CheckoutPageView> = {}): CheckoutPageView {
  return {
    sessionId: 'cs_test_123',
    formAction: '/billing/checkout/cs_test_123',
    cancelUrl: 'http://localhost:3000/pricing',
    state: 'open',
    plan: { name: 'Pro', description: 'For growing teams' },
    price: { amount: 2900, currency: 'usd', interval: 'month' },
    promotion: null,
    trialDays: null,
    amountDueToday: 2900,
    amountThen: 2900,
    ...overrides,
  };
}
