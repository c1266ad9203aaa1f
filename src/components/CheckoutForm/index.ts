export { CheckoutForm, type CheckoutFormProps } from './CheckoutForm';
export { stripeAppearance } from './stripeAppearance';
export { formatCardNumber, formatExpiry, passesLuhn, validateCard, type CardFieldError, type CardFields, type ParsedCard } from '../../contract/validateCard';
export type { PaymentPhase } from '../../react/paymentPhase';
