import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import {
  BillingProvider,
  defaultCheckoutLabels,
  defaultLabels,
  defaultPaymentMethodLabels,
  useBillingContext,
  useLabels,
  type BillingLabelOverrides,
} from '../../src/index';

const wrapperWith = (labels: BillingLabelOverrides | undefined) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <BillingProvider baseUrl="http://billkit.test/api/proxy/billing" getToken={() => 'unused'} labels={labels}>
        {children}
      </BillingProvider>
    );
  };

describe('useLabels', () => {
  it("gives the component's own defaults when the provider has no labels", () => {
    const { result } = renderHook(() => useLabels('checkout', defaultCheckoutLabels), { wrapper: wrapperWith(undefined) });
    expect(result.current).toBe(defaultCheckoutLabels);
    expect(result.current.pay('$9.00')).toBe('Pay $9.00');
  });

  it('overrides one string of a group and keeps the rest of that group', () => {
    const { result } = renderHook(
      () => ({
        retry: useLabels('retry', defaultLabels.retry),
        checkout: useLabels('checkout', defaultCheckoutLabels),
        pricingTable: useLabels('pricingTable', defaultLabels.pricingTable),
      }),
      { wrapper: wrapperWith({ retry: 'Erneut versuchen', checkout: { pay: (amount: string) => `${amount} bezahlen` } }) },
    );
    expect(result.current.retry).toBe('Erneut versuchen');
    expect(result.current.checkout.pay('9,00 $')).toBe('9,00 $ bezahlen');
    expect(result.current.checkout.paymentDetails).toBe(defaultCheckoutLabels.paymentDetails);
    expect(result.current.pricingTable).toBe(defaultLabels.pricingTable);
  });

  it('overrides single statuses without dropping the others', () => {
    const { result } = renderHook(() => useLabels('subscriptionStatus', defaultLabels.subscriptionStatus), {
      wrapper: wrapperWith({ subscriptionStatus: { past_due: 'Überfällig' } }),
    });
    expect(result.current.past_due).toBe('Überfällig');
    expect(result.current.active).toBe(defaultLabels.subscriptionStatus.active);
  });

  it("reaches the opt-ins' strings through the same provider prop", () => {
    const { result } = renderHook(() => useLabels('paymentMethod', defaultPaymentMethodLabels), {
      wrapper: wrapperWith({ paymentMethod: { upgrade: 'Aufwerten' } }),
    });
    expect(result.current.upgrade).toBe('Aufwerten');
    expect(result.current.downgrade).toBe(defaultPaymentMethodLabels.downgrade);
  });

  it('keeps the merged group across renders while the overrides stay the same', () => {
    const labels = { usageMeter: { unlimited: 'Unbegrenzt' } };
    const { result, rerender } = renderHook(() => useLabels('usageMeter', defaultLabels.usageMeter), { wrapper: wrapperWith(labels) });
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
  });
});

describe('BillingProvider labels', () => {
  it("carries only the app's overrides, no defaults", () => {
    const none = renderHook(() => useBillingContext().labels, { wrapper: wrapperWith(undefined) });
    expect(none.result.current).toEqual({});
    const some = renderHook(() => useBillingContext().labels, { wrapper: wrapperWith({ retry: 'Nochmal' }) });
    expect(some.result.current).toEqual({ retry: 'Nochmal' });
  });
});

describe('plan change labels', () => {
  it("words the title from the wire interval: daily, weekly, monthly, yearly; none for a one-time price", () => {
    const title = defaultPaymentMethodLabels.changeTitle;
    expect(title('Pro', 'day', 'day')).toBe('Switch to Pro (daily)');
    expect(title('Pro', 'week', 'week')).toBe('Switch to Pro (weekly)');
    expect(title('Pro', 'Monat', 'month')).toBe('Switch to Pro (monthly)');
    expect(title('Pro', 'year', 'year')).toBe('Switch to Pro (yearly)');
    expect(title('Lifetime', 'one-time', null)).toBe('Switch to Lifetime');
  });
});
