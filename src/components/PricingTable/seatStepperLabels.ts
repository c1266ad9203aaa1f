// The English defaults of the seat stepper's strings, shipped with the opt-in so the table
// (and the seeds) do not carry them; the provider's `labels.pricingTable` overrides them.
import { countUnits } from '../../contract/formatUnits';
import type { PricingTableLabels } from '../../contract/labels/pricingTableLabels';

/** The stepper's strings of the `pricingTable` group, all present. */
export type SeatStepperLabels = Required<
  Pick<PricingTableLabels, 'units' | 'unitsTotal' | 'quantity' | 'decrease' | 'increase' | 'quantityOutOfRange'>
>;

/** The default (English) strings of the seat stepper. */
export const defaultSeatStepperLabels: SeatStepperLabels = {
  units: countUnits,
  unitsTotal: (units, total, interval) => `${units} · ${total} / ${interval}`,
  quantity: (unit) => `${unit.charAt(0).toUpperCase()}${unit.slice(1)}s`,
  decrease: (unit) => `Remove a ${unit}`,
  increase: (unit) => `Add a ${unit}`,
  quantityOutOfRange: (min, max, unit) =>
    max === null ? `Choose at least ${countUnits(min, unit)}.` : `Choose ${min} to ${countUnits(max, unit)}.`,
};
