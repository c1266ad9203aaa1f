import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { BillingProvider, defaultLabels, defaultPaymentMethodLabels, useBillingContext } from '../../src/index';

const wrapperWith = (labels: Parameters<typeof BillingProvider>[0]['labels']) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <BillingProvider baseUrl="http://billkit.test/api/proxy/billing" getToken={() => 'unused'} labels={labels}>
        {children}
      </BillingProvider>
    );
  };

describe('BillingProvider labels', () => {
  it('uses the English defaults when no labels are given', () => {
    const { result } = renderHook(() => useBillingContext().labels, { wrapper: wrapperWith(undefined) });
    expect(result.current.retry).toBe(defaultLabels.retry);
    expect(result.current.checkout.pay('$9.00')).toBe('Pay $9.00');
  });

  it('overrides one string of a group and keeps the rest of that group', () => {
    const { result } = renderHook(() => useBillingContext().labels, {
      wrapper: wrapperWith({ retry: 'Erneut versuchen', checkout: { pay: (amount: string) => `${amount} bezahlen` } }),
    });
    expect(result.current.retry).toBe('Erneut versuchen');
    expect(result.current.checkout.pay('9,00 $')).toBe('9,00 $ bezahlen');
    expect(result.current.checkout.paymentDetails).toBe(defaultLabels.checkout.paymentDetails);
    expect(result.current.pricingTable).toEqual(defaultLabels.pricingTable);
  });

  it('overrides single statuses without dropping the others', () => {
    const { result } = renderHook(() => useBillingContext().labels, {
      wrapper: wrapperWith({ subscriptionStatus: { past_due: 'Überfällig' } }),
    });
    expect(result.current.subscriptionStatus.past_due).toBe('Überfällig');
    expect(result.current.subscriptionStatus.active).toBe(defaultLabels.subscriptionStatus.active);
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
