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

const digitsOf = (value: string, max: number) => value.replace(/\D/g, '').slice(0, max);

/** `4242424242424242` → `4242 4242 4242 4242` (at most 19 digits, groups of four). */
export function formatCardNumber(value: string): string {
  return digitsOf(value, 19).replace(/(\d{4})(?=\d)/g, '$1 ');
}

/**
 * `1230` → `12 / 30`. A leading digit above 1 is a month on its own (`4` → `04 / `), as
 * card forms do, so the user never has to type the zero.
 */
export function formatExpiry(value: string): string {
  let digits = digitsOf(value, 4);
  if (/^[2-9]/.test(digits)) digits = `0${digits}`.slice(0, 4);
  if (digits.length <= 2) return digits;
  return `${digits.slice(0, 2)} / ${digits.slice(2)}`;
}

/** Keeps the CVC to 3 or 4 digits. */
export function formatCvc(value: string): string {
  return digitsOf(value, 4);
}

/**
 * An expiry as typed: `"12 / 30"`, `"1230"` or `"12/2030"` → month and four-digit year;
 * `null` when the text is not a month and a year (the month's range is not checked here).
 */
export function parseExpiry(text: string): { exp_month: number; exp_year: number } | null {
  const match = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return null;
  const year = Number(match[2]);
  return { exp_month: Number(match[1]), exp_year: match[2]!.length === 2 ? 2000 + year : year };
}

/** The Luhn checksum every card number carries. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
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

  const expiry = digitsOf(fields.expiry, 4);
  // The field holds at most four digits (formatExpiry), so MMYY is read directly here;
  // parseExpiry is for free text (the hosted page) and would only add to the bundle.
  const month = Number(expiry.slice(0, 2));
  const year = 2000 + Number(expiry.slice(2));
  if (expiry.length < 4) errors.expiry = 'expiry_incomplete';
  else if (month < 1 || month > 12) errors.expiry = 'expiry_invalid';
  // A card is valid through the last day of its expiry month.
  else if (year < now.getFullYear() || (year === now.getFullYear() && month < now.getMonth() + 1)) {
    errors.expiry = 'expiry_past';
  }

  const cvc = digitsOf(fields.cvc, 4);
  if (cvc.length < 3) errors.cvc = 'cvc_incomplete';

  const postal = fields.postal.trim();
  if (postal.length < 3) errors.postal = 'postal_incomplete';

  if (Object.keys(errors).length > 0) return { card: null, errors };
  return { card: { number, exp_month: month, exp_year: year, cvc, postal_code: postal }, errors: null };
}
