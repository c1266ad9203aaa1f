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
  /** After a per-unit price: `"per seat / month"` (the price's `unit_label`, the interval's name). */
  perUnitInterval: (unit: string, interval: string) => string;
  /** A usage component's included units: `"10,000 API calls included"`. */
  usageIncluded: (count: string, metric: string) => string;
  /** A usage tier with a bound: `"$2.00 per 1,000 (up to 100,000)"`. */
  usageTierUpTo: (amount: string, per: string, upTo: string) => string;
  /** The last tier: `"$1.50 per 1,000 beyond"` (`"$1.50 per 1,000 API calls"` when it is the only tier). */
  usageTierBeyond: (amount: string, per: string, metric: string, only: boolean) => string;
  /** The sentence of one usage component, from the parts above: `"10,000 API calls included, then …"`. */
  usage: (included: string | null, tiers: string[]) => string;
  /** Accessible name of a price's usage list: `"Pro usage pricing"`. */
  usageList: (plan: string) => string;
  // The seat stepper's strings (`<PricingTable seats={seatStepper}/>`): optional here because
  // their English defaults ship with the opt-in (`defaultSeatStepperLabels`), not the table.
  /** A count of units: `"5 seats"` (plural by `Intl.PluralRules`). */
  units?: (count: number, unit: string) => string;
  /** A per-unit card's total for its quantity: `"5 seats · $60.00 / month"`. */
  unitsTotal?: (units: string, total: string, interval: string) => string;
  /** Accessible name of the seat stepper's group and input: `"Seats"`, from the unit label. */
  quantity?: (unit: string) => string;
  /** The stepper's buttons: `"Remove a seat"`, `"Add a seat"`. */
  decrease?: (unit: string) => string;
  increase?: (unit: string) => string;
  /** Under the stepper when the typed count is outside the price's range: `"Choose 1 to 500 seats."` */
  quantityOutOfRange?: (min: number, max: number | null, unit: string) => string;
}
