/**
 * The browser entry of Billkit: `BillingProvider`, the components, the hooks and the
 * wire types. Explicit named exports only, so bundlers tree-shake per component.
 * Nothing here may import from `src/server` (test/client/entry-boundary.test.ts).
 *
 * No `'use client'` here: as in TanStack Query, only the modules that need the client
 * (components, provider, context, hooks) carry it, so the client, `BillingError`, the
 * formatters, `billingKeys` and the `*QueryOptions` factories work in React Server
 * Components (test/client/use-client.test.ts).
 */

// --- client: wire types, fetch client, BillingError
export type {
  ActivateResponse,
  AuthenticateCheckoutRequest,
  AuthenticatePaymentMethodSetupRequest,
  CardDetails,
  ConfirmPaymentMethodSetupRequest,
  ConfirmPaymentMethodSetupResponse,
  PaymentMethod,
  PaymentMethodResponse,
  PaymentMethodSetup,
  PayInvoiceResponse,
  PendingChange,
  PlanChangeLine,
  PlanChangePreview,
  PlanChangePreviewRequest,
  PlanChangePreviewResponse,
  PlanChangeRequest,
  CheckoutRequest,
  CheckoutSession,
  CheckoutSessionSummary,
  ConfirmCheckoutRequest,
  ConfirmCheckoutResponse,
  Entitlements,
  ErrorBody,
  Interval,
  Invoice,
  InvoiceLine,
  InvoiceLineKind,
  InvoiceLineTier,
  InvoicesPage,
  InvoiceStatus,
  Plan,
  PlansResponse,
  Price,
  PriceUsage,
  Subscription,
  SubscriptionResponse,
  SubscriptionStatus,
  UsageSummary,
  UsageTier,
} from './contract/types';
export { BillingError } from './client/BillingError';
export {
  createBillingClient,
  type BillingCallOptions,
  type BillingClient,
  type BillingClientOptions,
} from './client/createBillingClient';
export { formatMoney } from './contract/formatMoney';
export { formatInterval, type IntervalLabels } from './contract/formatInterval';
export { formatUnits, unitsOf, type UnitsLabel } from './contract/formatUnits';
export { formatDate } from './contract/formatDate';

// --- react: provider, keys, query options, hooks
export { BillingProvider, type BillingProviderProps } from './react/BillingProvider';
export type { BillingContextValue } from './react/BillingContext';
export { useBillingContext } from './react/useBillingContext';
export type { BillingLabelOverrides, BillingLabels } from './react/labels';
export { useLabels } from './react/useLabels';
export { billingKeys, type BillingKeyParams } from './react/billingKeys';
export { plansQueryOptions } from './react/plansQueryOptions';
export { subscriptionQueryOptions } from './react/subscriptionQueryOptions';
export { entitlementsQueryOptions } from './react/entitlementsQueryOptions';
export { usageQueryOptions } from './react/usageQueryOptions';
export { checkoutSessionQueryOptions } from './react/checkoutSessionQueryOptions';
export { invoicesInfiniteQueryOptions } from './react/invoicesInfiniteQueryOptions';
export { cancelSubscriptionMutationOptions } from './react/cancelSubscriptionMutationOptions';
export { resumeSubscriptionMutationOptions } from './react/resumeSubscriptionMutationOptions';
export { activateCheckoutMutationOptions } from './react/activateCheckoutMutationOptions';
export { confirmCheckoutMutationOptions } from './react/confirmCheckoutMutationOptions';
export { authenticateCheckoutMutationOptions } from './react/authenticateCheckoutMutationOptions';
export { usePlans } from './react/usePlans';
export { useSubscription } from './react/useSubscription';
export { useEntitlements } from './react/useEntitlements';
export { useEntitlement, type UseEntitlementResult } from './react/useEntitlement';
export { useUsage } from './react/useUsage';
export { useInvoices, type UseInvoicesResult } from './react/useInvoices';
export { useCheckout, type UseCheckoutVariables } from './react/useCheckout';
export { useCheckoutSession } from './react/useCheckoutSession';
export { useConfirmCheckout, type UseConfirmCheckoutVariables } from './react/useConfirmCheckout';
export { useAuthenticateCheckout, type UseAuthenticateCheckoutVariables } from './react/useAuthenticateCheckout';
export { useCancelSubscription } from './react/useCancelSubscription';
export { useResumeSubscription } from './react/useResumeSubscription';
export { useDownloadInvoice } from './react/useDownloadInvoice';
export { useActivateCheckout } from './react/useActivateCheckout';
export { useEmbeddedCheckout, type EmbeddedCheckout, type UseEmbeddedCheckoutOptions } from './react/useEmbeddedCheckout';
export { usePayment, type Payment, type UsePaymentOptions } from './react/usePayment';
export {
  useCheckoutReturn,
  type CheckoutReturn as CheckoutReturnResult,
  type CheckoutReturnStatus,
  type UseCheckoutReturnOptions,
} from './react/useCheckoutReturn';
export { paymentMethodQueryOptions } from './react/paymentMethodQueryOptions';
export { planChangePreviewQueryOptions } from './react/planChangePreviewQueryOptions';
export { changePlanMutationOptions } from './react/changePlanMutationOptions';
export { payInvoiceMutationOptions } from './react/payInvoiceMutationOptions';
export { setupPaymentMethodMutationOptions } from './react/setupPaymentMethodMutationOptions';
export { usePaymentMethod } from './react/usePaymentMethod';
export { usePreviewPlanChange } from './react/usePreviewPlanChange';
export { useChangePlan, type UseChangePlanVariables } from './react/useChangePlan';
export { usePayInvoice, type UsePayInvoiceVariables } from './react/usePayInvoice';
export {
  useSetupPaymentMethod,
  type SetupPaymentMethodResult,
  type UseSetupPaymentMethodVariables,
} from './react/useSetupPaymentMethod';
export { usePaymentMethodSetup, type PaymentMethodSetupState } from './react/usePaymentMethodSetup';
export { Entitled, type EntitledProps } from './react/Entitled';
export type { StripeAppearance, StripeIntegration, StripePaymentFormProps } from './react/stripeIntegration';

// --- components
export { PricingTable, type PricingTableProps } from './components/PricingTable';
export { SubscriptionCard, type SubscriptionCardProps } from './components/SubscriptionCard';
export { UsageMeter, type UsageMeterProps, type UsageUnit } from './components/UsageMeter';
export { InvoiceList, type InvoiceListProps } from './components/InvoiceList';
export { InvoiceLines, type InvoiceLinesProps } from './components/InvoiceList/InvoiceLines';
export { CheckoutForm, stripeAppearance, type CheckoutFormProps, type PaymentPhase } from './components/CheckoutForm';
export { CheckoutReturn, type CheckoutReturnProps } from './components/CheckoutReturn';
export { defaultCheckoutLabels, type CheckoutLabels } from './components/CheckoutForm/checkoutLabels';
// Every component's default strings gathered; only apps that import it bundle it.
export { defaultLabels } from './components/defaultLabels';
// The self-serve opt-ins: each is reachable only from its own import (the existing components take
// them as opt-in props), so an app that does not import them pays nothing.
export { PaymentMethodForm, defaultPaymentMethodLabels, type PaymentMethodFormProps, type PaymentMethodLabels } from './components/PaymentMethodForm';
export {
  PlanChangeDialog,
  planChange,
  planChangeWith,
  planChangeAction,
  type PlanChangeAction,
  type PlanChangeDialogLabels,
  type PlanChangeDialogProps,
  type PlanChangeOptIn,
} from './components/PlanChangeDialog';
export { seatStepper, type SeatStepperOptIn } from './components/PricingTable/seatStepperOptIn';
export type { SeatStepperProps } from './components/PricingTable/SeatStepper';
export {
  PayInvoiceButton,
  SubscriptionPaymentDetails,
  type SubscriptionPaymentDetailsProps,
} from './components/SubscriptionPaymentDetails';
export { SeatChange, defaultSeatChangeLabels, type SeatChangeLabels, type SeatChangeProps } from './components/SeatChange';
// Each labels module also adds its group to `BillingLabels`; these exports keep them in
// every program that imports billkit, so the provider's `labels` type is always whole.
export type { InvoiceListLabels } from './components/InvoiceList/invoiceListLabels';
export type { PricingTableLabels } from './components/PricingTable/pricingTableLabels';
export type { SubscriptionCardLabels } from './components/SubscriptionCard/subscriptionCardLabels';
export type { UsageMeterLabels } from './components/UsageMeter/usageMeterLabels';
