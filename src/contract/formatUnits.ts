// Counts of units ("5 seats") for the per-seat wording of the pricing table and the checkout.

const plurals = new Map<string, Intl.PluralRules>();

/**
 * `"5 seats"`, `"1 seat"`: a count and the price's unit label, English plural by
 * `Intl.PluralRules` (`one` keeps the label, other categories add "s"). The labels of
 * other languages replace the whole phrase (`labels.pricingTable.units`, `labels.checkout.units`).
 */
export function countUnits(count: number, unit: string): string {
  let rules = plurals.get('en');
  if (!rules) plurals.set('en', (rules = new Intl.PluralRules('en')));
  return `${count.toLocaleString('en-US')} ${rules.select(count) === 'one' ? unit : `${unit}s`}`;
}
