import { formatMoney } from '../../contract/formatMoney';
import type { Price } from '../../contract/types';
import { humanizeKey } from '../humanizeKey';
import type { PricingTableLabels } from './pricingTableLabels';

/**
 * One sentence per usage component of a price, in the table's labels: `"10,000 API calls
 * included, then $2.00 per 1,000 (up to 100,000), $1.50 per 1,000 beyond"`. The metric is
 * named by the app's `featureLabels` (keyed by the metric) or humanised (`api_calls` → "API calls").
 */
export function usageText(
  price: Price,
  text: PricingTableLabels,
  locale: string,
  featureLabels: Record<string, string> | undefined,
): { metric: string; sentence: string }[] {
  const count = (n: number) => n.toLocaleString(locale);
  return (price.usage ?? []).map((usage) => {
    const metric = featureLabels?.[usage.metric] ?? humanizeKey(usage.metric);
    const tiers = usage.tiers.map((tier) => {
      const amount = formatMoney(tier.unit_amount, price.currency, locale);
      return tier.up_to === null
        ? text.usageTierBeyond(amount, count(tier.per), metric, usage.tiers.length === 1 && usage.included === 0)
        : text.usageTierUpTo(amount, count(tier.per), count(tier.up_to));
    });
    const included = usage.included > 0 ? text.usageIncluded(count(usage.included), metric) : null;
    return { metric: usage.metric, sentence: text.usage(included, tiers) };
  });
}
