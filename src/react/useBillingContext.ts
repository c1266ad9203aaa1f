'use client';
import { useContext } from 'react';
import { BillingContext, type BillingContextValue } from './BillingContext';

/**
 * The nearest `<BillingProvider>`'s client, query client, locale, labels and scope.
 * Throws outside a provider, since every Billkit hook needs one.
 */
export function useBillingContext(): BillingContextValue {
  const value = useContext(BillingContext);
  if (!value) {
    throw new Error('Billkit: this hook or component must be rendered inside <BillingProvider>.');
  }
  return value;
}
