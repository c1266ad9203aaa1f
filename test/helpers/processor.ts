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

/** A charge held at the processor by {@link gatedProcessor} until the test lets it through. */
export interface HeldCharge {
  idempotencyKey: string;
  release(): void;
}

/**
 * The built-in test processor with every card-on-file charge counted (`charges`, by key),
 * and the ones `hold` picks held at the processor until released: a test orders a race
 * by waiting for `nextHeld()` (the charge is at the processor now) instead of sleeping.
 */
export function gatedProcessor(hold: (idempotencyKey: string) => boolean = () => true) {
  const charges: string[] = [];
  const arrived: HeldCharge[] = [];
  const waiters: ((held: HeldCharge) => void)[] = [];
  const processor = testProcessorCharging(async (input, real) => {
    charges.push(input.idempotencyKey);
    if (hold(input.idempotencyKey)) {
      await new Promise<void>((release) => {
        const held = { idempotencyKey: input.idempotencyKey, release };
        const waiter = waiters.shift();
        if (waiter) waiter(held);
        else arrived.push(held);
      });
    }
    return real(input);
  });
  const nextHeld = (): Promise<HeldCharge> => {
    const held = arrived.shift();
    return held ? Promise.resolve(held) : new Promise((resolve) => waiters.push(resolve));
  };
  return { processor, charges, nextHeld };
}
