export { SeatChange, type SeatChangeProps } from './SeatChange';
export { defaultSeatChangeLabels, type SeatChangeLabels } from './seatChangeLabels';
