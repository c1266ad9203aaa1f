import type { UnitsLabel } from '../formatUnits';

/**
 * Strings of the "Change seats" opt-in (`<SeatChange/>`). Amounts and dates come formatted;
 * `units` words a count (`"3 seats"`) and the others receive it worded. The preview lines,
 * the declined-card step and its card form use the `paymentMethod` group.
 */
export interface SeatChangeLabels {
  /** The card's button and the dialog's title: `"Change seats"`. */
  changeSeats: string;
  /** `"You have 5 seats."` */
  description: (current: string) => string;
  /** `"5 seats"` */
  units: UnitsLabel;
  /** The stepper's label: `"Seats"`. */
  quantity: string;
  /** The stepper's buttons: `"Remove a seat"`, `"Add a seat"`. */
  decrease: string;
  increase: string;
  /** `"From 1 to 50 seats."`; `max` is null without a limit. */
  range: (min: string, max: string | null) => string;
  /** The quantity is the current one: nothing to change. */
  sameQuantity: string;
  /** An increase: `"$28.20 due today for 3 seats added, then $96.00 on Dec 21."` */
  increaseSummary: (today: string, added: string, next: string, date: string) => string;
  /** A decrease: `"Changes to 3 seats on Dec 21. Nothing is refunded; the seats stay until then."` */
  decreaseSummary: (quantity: string, date: string) => string;
  /** A decrease that applies at once (during a trial): `"Changes to 3 seats now. Nothing is charged or refunded."` */
  decreaseNowSummary: (quantity: string) => string;
  /** Confirm an increase: `"Pay $28.20 and add 3 seats"`. */
  payAndAdd: (amount: string, added: string) => string;
  /** Confirm an increase with nothing due today (a trial): `"Add 3 seats"`. */
  add: (added: string) => string;
  /** Confirm a decrease: `"Change to 3 seats at period end"`. */
  decreaseAtPeriodEnd: (quantity: string) => string;
  /** Confirm a decrease that applies at once (during a trial): `"Change to 3 seats"`. */
  changeTo: (quantity: string) => string;
  changing: string;
}
