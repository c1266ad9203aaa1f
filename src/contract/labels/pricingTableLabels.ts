// The strings of one component group as types: a shape the browser layers share, with
// the defaults beside the component (src/components) and the overrides in the provider.

/** Strings of `<PricingTable/>`. */
export interface PricingTableLabels {
  /** Accessible name of the table's region. */
  title: string;
  /** Accessible name of the monthly/yearly toggle. */
  intervalToggle: string;
  monthly: string;
  yearly: string;
  /**
   * Accessible name of the toggle's switch (on = billed yearly): `"Yearly billing"`. Starts
   * with the visible `yearly` text, so voice control users can say what they see.
   */
  yearlyBilling: string;
  /** `"Save 20%"` (annual price against twelve monthly ones). */
  save: (percent: number) => string;
  /** `"Save up to 25%"` when plans save different amounts. */
  saveUpTo: (percent: number) => string;
  recommended: string;
  currentPlan: string;
  /** `"per month"` after the big price. */
  perInterval: (interval: string) => string;
  /** `"$7.20 per month, billed yearly"` */
  billedYearly: (monthlyAmount: string) => string;
  /** Under the price when subscribing starts a trial: `"14-day free trial"`. */
  trial: (days: number) => string;
  /** The subscribe button: `"Get Pro"`. */
  subscribe: (plan: string) => string;
  redirecting: string;
  /** Accessible name of a plan's feature list: `"Pro features"`. */
  features: (plan: string) => string;
  empty: string;
  emptyDescription: string;
  error: string;
  checkoutFailed: string;
}
