// The card form's Luhn check is pure and shared, so browser and test processor agree on it.
import { fullYear, passesLuhn } from '../../contract/validateCard';
import { randomId } from '../crypto/hmac';
import type { TestProcessorCharge } from '../store/records';
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

/** An entry of the test processor's ledger: one charge or refund, by idempotency key. */
export type TestLedgerEntry = TestProcessorCharge;

/**
 * Where the test processor keeps its ledger, like a real processor's records of every
 * charge: the proxy's store (`test_processor_charges`, so it survives restarts and is shared
 * by proxies on one PostgreSQL) or, by default, memory.
 */
export interface TestProcessorLedger {
  getTestProcessorCharge(key: string): Promise<TestLedgerEntry | null>;
  /** The first entry of a key wins and is returned. */
  putTestProcessorCharge(entry: TestLedgerEntry): Promise<TestLedgerEntry>;
  updateTestProcessorCharge(key: string, status: string, result: unknown): Promise<void>;
  listTestProcessorCharges(keys?: readonly string[]): Promise<TestLedgerEntry[]>;
}

/** A ledger in memory (the default; a test processor per test). */
function memoryTestLedger(): TestProcessorLedger {
  const entries = new Map<string, TestLedgerEntry>();
  return {
    getTestProcessorCharge: async (key) => entries.get(key) ?? null,
    async putTestProcessorCharge(entry) {
      const had = entries.get(entry.idempotency_key);
      if (had) return had;
      entries.set(entry.idempotency_key, entry);
      return entry;
    },
    async updateTestProcessorCharge(key, status, result) {
      const had = entries.get(key);
      if (had) entries.set(key, { ...had, status, result });
    },
    listTestProcessorCharges: async (keys) => [...entries.values()].filter((e) => !keys || keys.includes(e.idempotency_key)),
  };
}

/** Options of {@link createTestProcessor}. */
export interface TestProcessorOptions {
  /** Where charges and refunds are recorded; in memory by default. */
  ledger?: TestProcessorLedger;
  /**
   * Milliseconds every charge takes to answer after it was recorded: a slow processor, for
   * crash tests (the charge is made, the proxy has not heard back yet). Default 0.
   */
  latencyMs?: number;
  /** The wall clock entries are stamped with. */
  now?: () => Date;
}

/** The money a test ledger moved: succeeded charges less refunds, in minor units. */
export function netCharged(entries: readonly TestLedgerEntry[]): number {
  return entries.reduce((sum, e) => (e.status !== 'succeeded' ? sum : e.kind === 'charge' ? sum + e.amount : sum - e.amount), 0);
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
 * expiry dates and bad CVCs fail with `incorrect_number` / `invalid_expiry` / `invalid_cvc`
 * (checked before anything is recorded). Every charge and refund is recorded in its
 * ledger by idempotency key: the same key answers the first result again (a declined
 * confirm may be tried again with the same key), `retrievePayment` reads it back, and
 * the ledger is what tests count money with.
 */
export function createTestProcessor(options: TestProcessorOptions = {}): PaymentProcessor {
  const ledger = options.ledger ?? memoryTestLedger();
  const wallNow = options.now ?? (() => new Date());
  const latency = options.latencyMs ?? 0;
  const answer = async (result: PaymentResult): Promise<PaymentResult> => {
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    return result;
  };
  // Payments waiting for 3-D Secure, by payment id: the key to settle and the card to hand back.
  const pending = new Map<string, { key: string; card: SavedCard }>();
  const record = async (key: string, amount: number, currency: string, description: string, result: PaymentResult) => {
    const entry = await ledger.putTestProcessorCharge({
      idempotency_key: key,
      kind: 'charge',
      payment_id: 'paymentId' in result ? result.paymentId : randomId('pi_test'),
      amount,
      currency,
      status: result.status,
      result,
      description,
      created_at: wallNow(),
    });
    return entry.result as PaymentResult;
  };
  return {
    name: 'test',
    async confirmPayment({ amount, currency, card, description, idempotencyKey, now }) {
      const previous = await ledger.getTestProcessorCharge(idempotencyKey);
      if (previous && previous.status !== 'failed') return answer(previous.result as PaymentResult);
      const invalid = validateCard(card, now);
      if (invalid) return invalid;
      const digits = card.number.replace(/[\s-]/g, '');
      const special = SPECIAL_CARDS[digits];
      let result: PaymentResult;
      if (special === 'authenticate') {
        const paymentId = randomId('pi_test');
        pending.set(paymentId, { key: idempotencyKey, card: savedCard(digits, card) });
        result = { status: 'requires_action', paymentId, nextAction: { type: 'authenticate' } };
      } else if (special) {
        result = special;
      } else if (digits === CHARGE_FAILS_CARD && amount > 0) {
        result = DECLINED;
      } else {
        result = { status: 'succeeded', paymentId: randomId('pi_test'), paymentMethod: savedCard(digits, card) };
      }
      // A declined key may be confirmed again with another card: only the last answer is kept.
      if (previous) {
        await ledger.updateTestProcessorCharge(idempotencyKey, result.status, result);
        return answer(result);
      }
      return answer(await record(idempotencyKey, amount, currency, description, result));
    },
    async authenticatePayment({ paymentId, approve }) {
      const waiting = pending.get(paymentId);
      if (!paymentId.startsWith('pi_test_') || !waiting) {
        return { status: 'failed', code: 'payment_intent_unexpected_state', message: 'This payment cannot be authenticated.' };
      }
      pending.delete(paymentId);
      const result: PaymentResult = approve
        ? { status: 'succeeded', paymentId, paymentMethod: waiting.card }
        : {
            status: 'failed',
            code: 'authentication_failed',
            message: 'We were unable to authenticate your payment method. Please choose a different payment method and try again.',
          };
      await ledger.updateTestProcessorCharge(waiting.key, result.status, result);
      return answer(result);
    },
    async chargePaymentMethod({ paymentMethod, amount, currency, description, idempotencyKey }) {
      const previous = await ledger.getTestProcessorCharge(idempotencyKey);
      if (previous) return answer(previous.result as PaymentResult);
      const result: PaymentResult =
        paymentMethod === CHARGE_FAILS_REF || !paymentMethod.startsWith('pm_card_')
          ? DECLINED
          : { status: 'succeeded', paymentId: randomId('pi_test') };
      return answer(await record(idempotencyKey, amount, currency, description, result));
    },
    async retrievePayment(idempotencyKey) {
      const entry = await ledger.getTestProcessorCharge(idempotencyKey);
      return entry && entry.kind === 'charge' ? (entry.result as PaymentResult) : null;
    },
    async refundPayment({ paymentId, amount, currency, reason, idempotencyKey }) {
      const entry = await ledger.putTestProcessorCharge({
        idempotency_key: idempotencyKey,
        kind: 'refund',
        payment_id: randomId('re_test'),
        amount,
        currency,
        status: 'succeeded',
        result: { refunded: paymentId },
        description: reason,
        created_at: wallNow(),
      });
      return { refundId: entry.payment_id };
    },
  };
}
