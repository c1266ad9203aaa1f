// The card form's Luhn check is pure and shared, so browser and test processor agree on it.
import { passesLuhn } from '../../contract/validateCard';
import { randomId } from '../crypto/hmac';
import type { CardInput, PaymentProcessor, PaymentResult } from './types';

/** Stripe's test cards that do something other than pay. */
const SPECIAL_CARDS: Record<string, PaymentResult | 'authenticate'> = {
  '4000000000000002': { status: 'failed', code: 'card_declined', message: 'Your card was declined.' },
  '4000000000009995': { status: 'failed', code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  '4000000000009987': { status: 'failed', code: 'lost_card', message: 'Your card was declined.' },
  '4000000000000069': { status: 'failed', code: 'expired_card', message: 'Your card has expired.' },
  '4000000000000127': { status: 'failed', code: 'incorrect_cvc', message: "Your card's security code is incorrect." },
  '4000002500003155': 'authenticate',
  '4000002760003184': 'authenticate',
};

/** Checks a card the way Stripe's card element does before any charge. */
export function validateCard(card: CardInput, now: Date): PaymentResult | null {
  const digits = card.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits) || !passesLuhn(digits)) {
    return { status: 'failed', code: 'incorrect_number', message: 'Your card number is incorrect.', param: 'number' };
  }
  const year = card.exp_year < 100 ? 2000 + card.exp_year : card.exp_year;
  const month = card.exp_month;
  const thisMonth = now.getUTCFullYear() * 12 + now.getUTCMonth();
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(year) || year * 12 + (month - 1) < thisMonth) {
    return { status: 'failed', code: 'invalid_expiry', message: "Your card's expiration date is invalid.", param: 'exp' };
  }
  const cvcLength = digits.startsWith('34') || digits.startsWith('37') ? 4 : 3;
  if (!new RegExp(`^\\d{${cvcLength}}$`).test(card.cvc)) {
    return { status: 'failed', code: 'invalid_cvc', message: "Your card's security code is invalid.", param: 'cvc' };
  }
  return null;
}

/**
 * The built-in test processor: no network, Stripe's test card numbers.
 * `4242 4242 4242 4242` pays; `4000 0000 0000 0002` is declined (`card_declined`);
 * `4000 0000 0000 9995` has insufficient funds; `4000 0025 0000 3155` asks for 3-D Secure
 * authentication first; any other Luhn-valid number pays. Malformed numbers, past
 * expiry dates and bad CVCs fail with `incorrect_number` / `invalid_expiry` / `invalid_cvc`.
 * Confirming twice with the same idempotency key returns the first result.
 */
export function createTestProcessor(): PaymentProcessor {
  const byKey = new Map<string, PaymentResult>();
  return {
    name: 'test',
    async confirmPayment({ card, idempotencyKey, now }) {
      const previous = byKey.get(idempotencyKey);
      if (previous && previous.status !== 'failed') return previous;
      const invalid = validateCard(card, now);
      if (invalid) return invalid;
      const special = SPECIAL_CARDS[card.number.replace(/[\s-]/g, '')];
      let result: PaymentResult;
      if (special === 'authenticate') {
        const paymentId = randomId('pi_test');
        result = { status: 'requires_action', paymentId, nextAction: { type: 'authenticate' } };
      } else if (special) {
        result = special;
      } else {
        result = { status: 'succeeded', paymentId: randomId('pi_test') };
      }
      byKey.set(idempotencyKey, result);
      return result;
    },
    async authenticatePayment({ paymentId, approve }) {
      if (!paymentId.startsWith('pi_test_')) {
        return { status: 'failed', code: 'payment_intent_unexpected_state', message: 'This payment cannot be authenticated.' };
      }
      if (!approve) {
        return {
          status: 'failed',
          code: 'authentication_failed',
          message: 'We were unable to authenticate your payment method. Please choose a different payment method and try again.',
        };
      }
      return { status: 'succeeded', paymentId };
    },
  };
}
