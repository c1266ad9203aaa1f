/** The wire types of usage-based prices and of invoice lines (re-exported by `types.ts`). */

/**
 * One tier of a usage price: `unit_amount` minor units per `per` units (`200` per `1000`
 * = $2.00 per 1,000 calls) for the units of the period up to `up_to`. `up_to` counts the
 * period's total units, included units among them; `null` on the last tier (no bound).
 */
export interface UsageTier {
  up_to: number | null;
  unit_amount: number;
  per: number;
}

/** A usage component of a price: one metric billed in arrears at each period end. */
export interface PriceUsage {
  metric: string;
  /** Units of each period that are free; they count toward the tiers' `up_to`. */
  included: number;
  /**
   * `graduated`: each tier prices the units that fall in it. `volume`: every billable unit
   * is priced at the tier the period's total falls in.
   */
  mode: 'graduated' | 'volume';
  tiers: UsageTier[];
  /**
   * What happens at the plan's usage `limit` (`GET /usage`'s): `refuse`: usage is recorded
   * up to the limit, then `POST /usage` answers 429 `usage_limit_exceeded`; `bill`:
   * usage past the limit is recorded and billed.
   */
  at_limit: 'refuse' | 'bill';
}

/** What an invoice line charges for. `discount` lines (promotions, a customer balance spent) are negative. */
export type InvoiceLineKind = 'subscription' | 'seats' | 'usage' | 'proration' | 'discount';

/** One line of an invoice; amounts in minor units. */
export interface InvoiceLine {
  kind: InvoiceLineKind;
  description: string;
  quantity: number;
  /** `null` on usage lines: their `tiers` carry the prices. */
  unit_amount: number | null;
  amount: number;
  period_start: string | null;
  period_end: string | null;
  /** The metric of a usage line; `null` on other lines. */
  metric: string | null;
  /** The tiers a usage line applied, with the units and amount of each; `null` on other lines. */
  tiers: InvoiceLineTier[] | null;
}

/**
 * A tier as a usage line applied it: its `quantity` of billable units and their exact
 * `amount` (`quantity × unit_amount / per`, not rounded: the line rounds once, half up).
 */
export interface InvoiceLineTier extends UsageTier {
  quantity: number;
  amount: number;
}

/** `GET /usage?metric=` (and a single `POST /usage`'s answer); `limit: null` is unlimited. */
export interface UsageSummary {
  metric: string;
  quantity: number;
  period_start: string;
  period_end: string;
  limit: number | null;
  /**
   * Billkit addition: the units of the period the subject's price includes for this metric;
   * `null` when its price bills no usage of it (then `amount` is 0).
   */
  included?: number | null;
  /** Billkit addition: the units so far beyond `included`. */
  billable_quantity?: number;
  /** Billkit addition: what the usage so far costs, in minor units (rounded as the invoice line will be). */
  amount?: number;
  /** Billkit addition: the currency of `amount`; `null` without a subscription. */
  currency?: string | null;
  /**
   * Billkit addition: the period's usage and cost at its end if usage goes on at the rate so
   * far (`quantity × period length / elapsed`, rounded down); the current figures when less
   * than an hour has elapsed or nothing was used.
   */
  projection?: { quantity: number; amount: number };
}
