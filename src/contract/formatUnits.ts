/**
 * `"5 seats"`: how many units (of a `per_unit` price, its `unit_label`), as a label function
 * words them. `plural` is the locale's plural category of the count (`Intl.PluralRules`), so
 * a translation can pick its own form (`one` → "Platz", `other` → "Plätze").
 */
export type UnitsLabel = (count: string, unit: string, plural: Intl.LDMLPluralRule) => string;

/** The English wording: `"1 seat"`, `"5 seats"`. */
export const unitsOf: UnitsLabel = (count, unit, plural) => `${count} ${plural === 'one' ? unit : `${unit}s`}`;

const plurals = new Map<string, Intl.PluralRules>();

/** `formatUnits(5, 'seat', 'en-US', unitsOf)` → `"5 seats"`: the count in the locale, with its plural category. */
export function formatUnits(quantity: number, unit: string | null | undefined, locale: string | undefined, label: UnitsLabel): string {
  const key = locale ?? '';
  let rules = plurals.get(key);
  if (!rules) plurals.set(key, (rules = new Intl.PluralRules(locale)));
  return label(quantity.toLocaleString(locale), unit || 'unit', rules.select(quantity));
}

/** The English count of units for the pricing table's and the checkout's default strings: `countUnits(5, 'seat')` → `"5 seats"`. */
export const countUnits = (count: number, unit: string): string => formatUnits(count, unit, 'en-US', unitsOf);
