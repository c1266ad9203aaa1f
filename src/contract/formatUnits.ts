/**
 * `"5 seats"`: how many units (of a `per_unit` price, its `unit_label`), as a label function
 * words them. `plural` is the locale's plural category of the count (`Intl.PluralRules`), so
 * a translation can pick its own form (`one` → "Platz", `other` → "Plätze").
 */
export type UnitsLabel = (count: string, unit: string, plural: Intl.LDMLPluralRule) => string;

/** The English wording: `"1 seat"`, `"5 seats"`. */
export const unitsOf: UnitsLabel = (count, unit, plural) => `${count} ${plural === 'one' ? unit : `${unit}s`}`;

/** `formatUnits(5, 'seat', 'en-US', unitsOf)` → `"5 seats"`: the count in the locale, with its plural category. */
export function formatUnits(quantity: number, unit: string | null | undefined, locale: string | undefined, label: UnitsLabel): string {
  return label(quantity.toLocaleString(locale), unit || 'unit', new Intl.PluralRules(locale).select(quantity));
}
