export { CheckoutReturn, type CheckoutReturnProps } from './CheckoutReturn';
