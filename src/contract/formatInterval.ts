import type { Interval } from './types';

/** Names of billing intervals, keyed by the wire value; `one_time` names a price without interval. */
export type IntervalLabels = Partial<Record<Interval | 'one_time', string>>;

const english: Required<IntervalLabels> = {
  day: 'day',
  week: 'week',
  month: 'month',
  year: 'year',
  one_time: 'one-time',
};

// Intl's names of date fields are the interval nouns in every locale ("Monat", "mois").
const fields: Record<Interval, string> = { day: 'day', week: 'weekOfYear', month: 'month', year: 'year' };
const displayNames = new Map<string, Intl.DisplayNames | null>();

function intlName(interval: Interval, locale: string | undefined): string | undefined {
  const key = locale ?? '';
  if (!displayNames.has(key)) {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames(locale, { type: 'dateTimeField' });
    } catch {
      // Runtimes without Intl.DisplayNames fall back to English names.
    }
    displayNames.set(key, names);
  }
  return displayNames.get(key)?.of(fields[interval]) ?? undefined;
}

/**
 * The name of a billing interval in the locale, for "per …" displays:
 * `formatInterval('month', 'en-US')` → `"month"`, `formatInterval('month', 'de-DE')` →
 * `"Monat"`, `formatInterval(null)` → `"one-time"`. Names given in `labels` (usually
 * `labels.intervals` of the provider) win over the locale's.
 */
export function formatInterval(interval: Interval | null, locale?: string, labels?: IntervalLabels): string {
  const key = interval ?? 'one_time';
  const given = labels?.[key];
  if (given) return given;
  return (interval && intlName(interval, locale)) || english[key];
}
