import type { ComponentType } from 'react';
import { SeatStepper, type SeatStepperProps } from './SeatStepper';

/**
 * The opt-in seat stepper of `<PricingTable/>`: pass it as `<PricingTable seats={seatStepper}/>`.
 * Per-unit cards then choose their seat count (− / input / +) and show its total, and the
 * checkout the table starts buys that many. A value the app imports, so an app without
 * it pays nothing for the stepper; without it a per-unit checkout buys the price's `min_quantity`.
 */
export interface SeatStepperOptIn {
  Stepper: ComponentType<SeatStepperProps>;
}

/** See {@link SeatStepperOptIn}. */
export const seatStepper: SeatStepperOptIn = { Stepper: SeatStepper };
