// <PricingTable/>'s strings, beside it, and their group in `BillingLabels`.
import type { PricingTableLabels } from '../../contract/labels/pricingTableLabels';
import { billedEvery, perInterval } from '../../contract/formatInterval';

/** The default (English) strings of `<PricingTable/>`. */
export const defaultPricingTableLabels: PricingTableLabels = {
  title: 'Plans',
  intervalToggle: 'Billing interval',
  monthly: 'Monthly',
  yearly: 'Yearly',
  yearlyBilling: 'Yearly billing',
  save: (percent) => `Save ${percent}%`,
  saveUpTo: (percent) => `Save up to ${percent}%`,
  recommended: 'Most popular',
  currentPlan: 'Current plan',
  perInterval,
  billedYearly: (monthlyAmount) => `${monthlyAmount} ${perInterval('month')}, ${billedEvery('year')}`,
  trial: (days) => `${days}-day free trial`,
  subscribe: (plan) => `Get ${plan}`,
  redirecting: 'Redirecting…',
  features: (plan) => `${plan} features`,
  empty: 'No plans available',
  emptyDescription: 'There are no plans to choose from right now. Please check back soon.',
  error: "We couldn't load the plans.",
  checkoutFailed: "We couldn't start the checkout.",
  perUnitInterval: (unit, interval) => `per ${unit} / ${interval}`,
  usageIncluded: (count, metric) => `${count} ${metric} included`,
  usageTierUpTo: (amount, per, upTo) => `${amount} per ${per} (up to ${upTo})`,
  usageTierBeyond: (amount, per, metric, only) => `${amount} per ${per} ${only ? metric : 'beyond'}`,
  usage: (included, tiers) => (included ? `${included}, then ${tiers.join(', ')}` : tiers.join(', ')),
  usageList: (plan) => `${plan} usage pricing`,
};

export type { PricingTableLabels };
