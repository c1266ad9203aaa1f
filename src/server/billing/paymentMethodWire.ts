import type { PaymentMethod } from '../../contract/types';
import type { PaymentMethodRecord } from '../store/records';

/**
 * How long a setup row may be confirmed (Stripe's SetupIntents do not expire; the test
 * processor's setups do, to bound the table's use). Stripe setups get the same row
 * lifetime but are recorded whenever Stripe says they succeeded.
 */
export const SETUP_TTL_MS = 60 * 60 * 1000;

/** A card on file as the wire shows it (`GET /payment-method`): brand, last 4, expiry. */
export function toWirePaymentMethod(m: Pick<PaymentMethodRecord, 'brand' | 'last4' | 'exp_month' | 'exp_year'>): PaymentMethod {
  return { brand: m.brand, last4: m.last4, exp_month: m.exp_month, exp_year: m.exp_year };
}
