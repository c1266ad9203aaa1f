export { CheckoutForm, type CheckoutFormProps } from './CheckoutForm';
export { stripeAppearance } from './stripeAppearance';
export type { PaymentPhase } from '../../react/paymentPhase';
