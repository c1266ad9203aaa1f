// The strings of the "Change seats" opt-in (<SeatChange/>), beside it, so an app without
// seats pays nothing for them. The provider's `labels.seatChange` overrides them.
import type { SeatChangeLabels } from '../../contract/labels/seatChangeLabels';
import { unitsOf } from '../../contract/formatUnits';

/** The default (English) strings. */
export const defaultSeatChangeLabels: SeatChangeLabels = {
  changeSeats: 'Change seats',
  description: (current) => `You have ${current}.`,
  units: unitsOf,
  quantity: 'Seats',
  decrease: 'Remove a seat',
  increase: 'Add a seat',
  range: (min, max) => (max ? `From ${min} to ${max}.` : `At least ${min}.`),
  sameQuantity: 'Choose a different number to see what it costs.',
  increaseSummary: (today, added, next, date) => `${today} due today for ${added} added, then ${next} on ${date}.`,
  decreaseSummary: (quantity, date) => `Changes to ${quantity} on ${date}. Nothing is refunded; the seats stay until then.`,
  decreaseNowSummary: (quantity) => `Changes to ${quantity} now. Nothing is charged or refunded.`,
  payAndAdd: (amount, added) => `Pay ${amount} and add ${added}`,
  add: (added) => `Add ${added}`,
  decreaseAtPeriodEnd: (quantity) => `Change to ${quantity} at period end`,
  changeTo: (quantity) => `Change to ${quantity}`,
  changing: 'Changing…',
};

export type { SeatChangeLabels };
