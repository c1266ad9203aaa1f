import type { Interval } from './types';

/** Names of billing intervals, keyed by the wire value; `one_time` names a price without interval. */
export type IntervalLabels = Partial<Record<Interval | 'one_time', string>>;

// Intl's names of date fields are the interval nouns in every locale ("Monat", "mois"); the
// fields are the wire values except `week`, whose field is `weekOfYear`.
const displayNames = new Map<string | undefined, Intl.DisplayNames | null>();

/**
 * The name of a billing interval in the locale, for "per …" displays:
 * `formatInterval('month', 'en-US')` → `"month"`, `formatInterval('month', 'de-DE')` →
 * `"Monat"`, `formatInterval(null)` → `"one-time"`. Names given in `labels` (usually
 * `labels.intervals` of the provider) win over the locale's.
 */
export function formatInterval(interval: Interval | null, locale?: string, labels?: IntervalLabels): string {
  // One function, no tables: every seed component carries it, and the bundle budget counts bytes.
  const given = labels?.[interval ?? 'one_time'];
  if (given || !interval) return given || 'one-time';
  let names = displayNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(locale, { type: 'dateTimeField' });
    } catch {
      // Runtimes without Intl.DisplayNames fall back to English names: the wire values.
      names = null;
    }
    displayNames.set(locale, names);
  }
  return names?.of(interval === 'week' ? 'weekOfYear' : interval) || interval;
}

// The interval wording, once, for the label groups of every component and the proxy's hosted
// page; each component's labels can still replace it (`labels.pricingTable.perInterval`, …).

/** `"per month"`: after a price, with the interval's name from {@link formatInterval}. */
export const perInterval = (interval: string): string => `per ${interval}`;

/** `"$29.00 per month"`: a formatted amount and the interval's name. */
export const amountPerInterval = (amount: string, interval: string): string => `${amount} ${perInterval(interval)}`;

/**
 * `"billed monthly"`: how often a wire interval is billed. English (Intl names the noun, not
 * the adverb): `day` → `daily`, the others take "-ly" (`weekly`, `monthly`, `yearly`).
 */
export const billedEvery = (interval: Interval): string => `billed ${intervalAdverb(interval)}`;

/** `"monthly"`: the English adverb of a wire interval (`day` → `daily`, the others take "-ly"). */
export const intervalAdverb = (interval: Interval): string => `${interval === 'day' ? 'dai' : interval}ly`;
