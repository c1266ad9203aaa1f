export { CheckoutReturn, type CheckoutReturnProps } from './CheckoutReturn';
export {
  useCheckoutReturn,
  type CheckoutReturn as CheckoutReturnResult,
  type CheckoutReturnStatus,
  type UseCheckoutReturnOptions,
} from './useCheckoutReturn';
