export { PaymentMethodForm, type PaymentMethodFormProps } from './PaymentMethodForm';
export { defaultPaymentMethodLabels, type PaymentMethodLabels } from './paymentMethodLabels';
