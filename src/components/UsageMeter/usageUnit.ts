import { humanizeKey } from '../humanizeKey';

/**
 * What one unit of a metric is called, by plural category (`Intl.PluralRules`):
 * `{ one: 'call', other: 'calls' }`; `other` is the fallback for every category left out.
 */
export type UsageUnit = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * The unit a metric's key names, in English, when the app gives none: its last word,
 * `api_calls` → call / calls, `storage_gb` → GB; `null` (a bare count) when that word is
 * neither a plural nor an abbreviation.
 */
export function unitOfMetric(metric: string): UsageUnit | null {
  const word = humanizeKey(metric).split(' ').at(-1) ?? '';
  if (word.length > 1 && word === word.toUpperCase()) return { other: word };
  const lower = word.toLowerCase();
  if (lower.length > 2 && lower.endsWith('s') && !lower.endsWith('ss')) return { one: lower.slice(0, -1), other: lower };
  return null;
}

const plurals = new Map<string, Intl.PluralRules>();

/** `unit`'s word for `count` in `locale`'s plural rules. */
export function unitFor(unit: UsageUnit, count: number, locale: string): string {
  let rules = plurals.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    plurals.set(locale, rules);
  }
  return unit[rules.select(count)] ?? unit.other;
}
