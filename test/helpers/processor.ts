import { createTestProcessor } from '../../src/server/processor/createTestProcessor';
import type { PaymentProcessor } from '../../src/server/processor/types';

type ChargeInput = Parameters<NonNullable<PaymentProcessor['chargePaymentMethod']>>[0];
type ChargeResult = ReturnType<NonNullable<PaymentProcessor['chargePaymentMethod']>>;

/**
 * The built-in test processor, except that its card-on-file charges (renewals, dunning
 * retries, plan changes, paying an invoice) go through `charge`, which gets the real one
 * to call: for counting, slowing, declining or failing them.
 */
export function testProcessorCharging(charge: (input: ChargeInput, real: (input: ChargeInput) => ChargeResult) => ChargeResult): PaymentProcessor {
  const inner = createTestProcessor();
  return {
    ...inner,
    name: inner.name,
    confirmPayment: (input) => inner.confirmPayment(input),
    authenticatePayment: (input) => inner.authenticatePayment(input),
    chargePaymentMethod: (input) => charge(input, (next) => inner.chargePaymentMethod!(next)),
  };
}
