// The card form's Luhn check is pure and shared, so browser and test processor agree on it.
import { fullYear, passesLuhn } from '../../contract/validateCard';
import { randomId } from '../crypto/hmac';
import type { CardInput, PaymentProcessor, PaymentResult, SavedCard } from './types';

/** Stripe's 4000 0000 0000 0341: attaches to a customer, but every charge on it is declined. */
const CHARGE_FAILS_CARD = '4000000000000341';
/** The handle of a card on file that declines every charge (Stripe's test PaymentMethod of the same name). */
const CHARGE_FAILS_REF = 'pm_card_chargeCustomerFail';
const DECLINED: PaymentResult = { status: 'failed', code: 'card_declined', message: 'Your card was declined.' };

/** The card brand by its number's prefix, as Stripe names them. */
function brandOf(digits: string): string {
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^(6011|65|64[4-9])/.test(digits)) return 'discover';
  return 'unknown';
}

/** What the test processor keeps of a card that paid (or attached): never the number. */
function savedCard(digits: string, card: CardInput): SavedCard {
  const brand = brandOf(digits);
  return {
    processorRef: digits === CHARGE_FAILS_CARD ? CHARGE_FAILS_REF : `pm_card_${brand}`,
    brand,
    last4: digits.slice(-4),
    exp_month: card.exp_month,
    exp_year: card.exp_year < 100 ? 2000 + card.exp_year : card.exp_year,
  };
}

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
function validateCard(card: CardInput, now: Date): PaymentResult | null {
  const digits = card.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits) || !passesLuhn(digits)) {
    return { status: 'failed', code: 'incorrect_number', message: 'Your card number is incorrect.', param: 'number' };
  }
  const year = fullYear(card.exp_year);
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
 * authentication first; `4000 0000 0000 0341` attaches when nothing is due (a trial, a
 * free first period) but declines every charge, then and on renewal; any other
 * Luhn-valid number pays. A card that paid or attached comes back as `paymentMethod`
 * (Stripe's test handles: `pm_card_visa`, `pm_card_chargeCustomerFail`, …), which
 * {@link PaymentProcessor.chargePaymentMethod} charges later. Malformed numbers, past
 * expiry dates and bad CVCs fail with `incorrect_number` / `invalid_expiry` / `invalid_cvc`.
 * Confirming twice with the same idempotency key returns the first result.
 */
export function createTestProcessor(): PaymentProcessor {
  const byKey = new Map<string, PaymentResult>();
  // Cards waiting for 3-D Secure, so the authenticated payment can hand back the card on file.
  const pendingCards = new Map<string, SavedCard>();
  return {
    name: 'test',
    async confirmPayment({ amount, card, idempotencyKey, now }) {
      const previous = byKey.get(idempotencyKey);
      if (previous && previous.status !== 'failed') return previous;
      const invalid = validateCard(card, now);
      if (invalid) return invalid;
      const digits = card.number.replace(/[\s-]/g, '');
      const special = SPECIAL_CARDS[digits];
      let result: PaymentResult;
      if (special === 'authenticate') {
        const paymentId = randomId('pi_test');
        pendingCards.set(paymentId, savedCard(digits, card));
        result = { status: 'requires_action', paymentId, nextAction: { type: 'authenticate' } };
      } else if (special) {
        result = special;
      } else if (digits === CHARGE_FAILS_CARD && amount > 0) {
        result = DECLINED;
      } else {
        result = { status: 'succeeded', paymentId: randomId('pi_test'), paymentMethod: savedCard(digits, card) };
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
      const paymentMethod = pendingCards.get(paymentId);
      pendingCards.delete(paymentId);
      return { status: 'succeeded', paymentId, ...(paymentMethod ? { paymentMethod } : {}) };
    },
    async chargePaymentMethod({ paymentMethod, idempotencyKey }) {
      const previous = byKey.get(idempotencyKey);
      if (previous) return previous;
      const result: PaymentResult =
        paymentMethod === CHARGE_FAILS_REF || !paymentMethod.startsWith('pm_card_')
          ? DECLINED
          : { status: 'succeeded', paymentId: randomId('pi_test') };
      byKey.set(idempotencyKey, result);
      return result;
    },
  };
}
