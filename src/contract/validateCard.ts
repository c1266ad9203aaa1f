/**
 * The card fields of the test processor's form: formatting while typing and the checks a
 * real card form makes before it sends anything (Luhn, expiry not past, CVC length).
 * Pure functions, so the rules are tested and reused without React, and the proxy's
 * test processor and hosted page apply the same ones.
 */
import type { CardDetails } from './types';

/** What is wrong with one field; the form maps each to a label. */
export type CardFieldError =
  | 'number_incomplete'
  | 'number_invalid'
  | 'expiry_incomplete'
  | 'expiry_invalid'
  | 'expiry_past'
  | 'cvc_incomplete'
  | 'postal_incomplete';

/** The raw text of the four card fields, as typed. */
export interface CardFields {
  number: string;
  expiry: string;
  cvc: string;
  postal: string;
}

/** A card ready for `POST /checkout/:id/confirm`: every field of the card shape, checked. */
export type ParsedCard = Required<CardDetails>;

/** The first `max` digits of `value`, anything else dropped. */
export const digitsOf = (value: string, max: number): string => value.replace(/\D/g, '').slice(0, max);

/** `4242424242424242` → `4242 4242 4242 4242` (at most 19 digits, groups of four). */
export function formatCardNumber(value: string): string {
  return digitsOf(value, 19).replace(/(\d{4})(?=\d)/g, '$1 ');
}

/**
 * `1230` → `12 / 30`. A leading digit above 1 is a month on its own (`4` → `04 / `), as
 * card forms do, so the user never has to type the zero.
 */
export function formatExpiry(value: string): string {
  return digitsOf(value, 4)
    .replace(/^[2-9]/, '0$&')
    .slice(0, 4)
    .replace(/^(\d\d)(?=\d)/, '$1 / ');
}

/** Keeps the CVC to 3 or 4 digits. */
export function formatCvc(value: string): string {
  return digitsOf(value, 4);
}

/** A card's expiry year as a full year: two digits mean 20YY (`30` → `2030`), as card forms and Stripe read them. */
export function fullYear(year: number): number {
  return year < 100 ? 2000 + year : year;
}

/**
 * The one reading of a card expiry, for the card form (`"12 / 30"`, as {@link formatExpiry}
 * writes it) and the hosted page's free text (`"1230"`, `"1/30"`, `"12/2030"`): month and
 * four-digit year, or `null` when the text is not yet a month and a year (the month's range
 * is not checked here).
 */
export function parseExpiry(text: string): { exp_month: number; exp_year: number } | null {
  const match = /^\s*(\d\d?)\s*\/?\s*(\d\d|\d{4})\s*$/.exec(text);
  return match && { exp_month: +match[1]!, exp_year: fullYear(+match[2]!) };
}

/** The Luhn checksum every card number carries. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  // From the right, every second digit is doubled and a two-digit result counts as its digit sum.
  for (let i = digits.length; i--; ) {
    const d = +digits[i]! * (1 + ((digits.length - i + 1) % 2));
    sum += d > 9 ? d - 9 : d;
  }
  return /^\d+$/.test(digits) && sum % 10 === 0;
}

/**
 * Checks the four fields. Returns the parsed card when all are valid, otherwise the error
 * of each invalid field (a field left out of `errors` is fine).
 */
export function validateCard(
  fields: CardFields,
  now: Date = new Date(),
): { card: ParsedCard; errors: null } | { card: null; errors: Partial<Record<keyof CardFields, CardFieldError>> } {
  const errors: Partial<Record<keyof CardFields, CardFieldError>> = {};

  const number = digitsOf(fields.number, 19);
  if (number.length < 13) errors.number = 'number_incomplete';
  else if (!passesLuhn(number)) errors.number = 'number_invalid';

  const expiry = parseExpiry(fields.expiry);
  if (!expiry) errors.expiry = 'expiry_incomplete';
  else if (expiry.exp_month < 1 || expiry.exp_month > 12) errors.expiry = 'expiry_invalid';
  // A card is valid through the last day of its expiry month: past once the next month has begun
  // (Date counts months from 0, so `exp_month` is that next month).
  else if (new Date(expiry.exp_year, expiry.exp_month) <= now) errors.expiry = 'expiry_past';

  const cvc = digitsOf(fields.cvc, 4);
  if (cvc.length < 3) errors.cvc = 'cvc_incomplete';

  const postal = fields.postal.trim();
  if (postal.length < 3) errors.postal = 'postal_incomplete';

  if (Object.keys(errors).length > 0) return { card: null, errors };
  return { card: { number, ...expiry!, cvc, postal_code: postal }, errors: null };
}
