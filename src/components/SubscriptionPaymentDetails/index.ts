export { SubscriptionPaymentDetails, type SubscriptionPaymentDetailsProps } from './SubscriptionPaymentDetails';
export { PayInvoiceButton } from './PayInvoiceButton';
