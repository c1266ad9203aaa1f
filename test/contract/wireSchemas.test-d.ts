// Type tests, checked by `tsc --noEmit` (not run): every wire type of src/contract/types.ts
// is exactly what its zod schema (src/contract/schemas) accepts or produces. types.ts stays
// hand-written because `billkit` ships no zod (its .d.ts must not name it); this file is
// what makes a schema change that the types do not follow fail `npm run typecheck`.
import { expectTypeOf } from 'vitest';
import type { z } from 'zod';
import type { DevCard, DevFiredEvent, DevInvoiceOutcome, DevPayment, DevWebhookEvent } from '../../src/devtools/createDevClient';
import type * as T from '../../src/contract/types';
import type { activateRequestSchema, activateResponseSchema } from '../../src/contract/schemas/activateSchemas';
import type { authenticateRequestSchema, cardDetailsSchema } from '../../src/contract/schemas/cardSchemas';
import type {
  checkoutRequestSchema,
  checkoutSessionSchema,
  checkoutSessionSummarySchema,
  confirmCheckoutRequestSchema,
  confirmCheckoutResponseSchema,
} from '../../src/contract/schemas/checkoutSchemas';
import type { devFiredEventSchema, devInvoiceOutcomeSchema, devPaymentSchema, devWebhookEventSchema } from '../../src/contract/schemas/devSchemas';
import type { errorBodySchema } from '../../src/contract/schemas/errorSchemas';
import type { invoiceSchema, invoicesPageSchema, invoiceStatusSchema, payInvoiceResponseSchema } from '../../src/contract/schemas/invoicesSchemas';
import type {
  confirmPaymentMethodSetupRequestSchema,
  confirmPaymentMethodSetupResponseSchema,
  paymentMethodResponseSchema,
  paymentMethodSchema,
  paymentMethodSetupSchema,
} from '../../src/contract/schemas/paymentMethodSchemas';
import type {
  planChangeLineSchema,
  planChangePreviewResponseSchema,
  planChangePreviewRequestSchema,
  planChangePreviewSchema,
  planChangeRequestSchema,
} from '../../src/contract/schemas/planChangeSchemas';
import type { intervalSchema, planSchema, plansResponseSchema, priceSchema } from '../../src/contract/schemas/plansSchemas';
import type {
  cancelRequestSchema,
  entitlementsSchema,
  pendingChangeSchema,
  subscriptionResponseSchema,
  subscriptionSchema,
  subscriptionStatusSchema,
} from '../../src/contract/schemas/subscriptionSchemas';
import type { usageSummarySchema } from '../../src/contract/schemas/usageSchemas';

/** What a request schema accepts (defaults still optional) and what a response schema produces. */
type In<S extends z.ZodType> = z.input<S>;
type Out<S extends z.ZodType> = z.output<S>;

// Answers: the type a client reads is what the server's schema describes.
expectTypeOf<Out<typeof intervalSchema>>().toEqualTypeOf<T.Interval>();
expectTypeOf<Out<typeof priceSchema>>().toEqualTypeOf<T.Price>();
expectTypeOf<Out<typeof planSchema>>().toEqualTypeOf<T.Plan>();
expectTypeOf<Out<typeof plansResponseSchema>>().toEqualTypeOf<T.PlansResponse>();
expectTypeOf<Out<typeof subscriptionStatusSchema>>().toEqualTypeOf<T.SubscriptionStatus>();
expectTypeOf<Out<typeof pendingChangeSchema>>().toEqualTypeOf<T.PendingChange>();
expectTypeOf<Out<typeof subscriptionSchema>>().toEqualTypeOf<T.Subscription>();
expectTypeOf<Out<typeof subscriptionResponseSchema>>().toEqualTypeOf<T.SubscriptionResponse>();
expectTypeOf<Out<typeof entitlementsSchema>>().toEqualTypeOf<T.Entitlements>();
expectTypeOf<Out<typeof usageSummarySchema>>().toEqualTypeOf<T.UsageSummary>();
expectTypeOf<Out<typeof invoiceStatusSchema>>().toEqualTypeOf<T.InvoiceStatus>();
expectTypeOf<Out<typeof invoiceSchema>>().toEqualTypeOf<T.Invoice>();
expectTypeOf<Out<typeof invoicesPageSchema>>().toEqualTypeOf<T.InvoicesPage>();
expectTypeOf<Out<typeof payInvoiceResponseSchema>>().toEqualTypeOf<T.PayInvoiceResponse>();
expectTypeOf<Out<typeof checkoutSessionSchema>>().toEqualTypeOf<T.CheckoutSession>();
expectTypeOf<Out<typeof checkoutSessionSummarySchema>>().toEqualTypeOf<T.CheckoutSessionSummary>();
expectTypeOf<Out<typeof confirmCheckoutResponseSchema>>().toEqualTypeOf<T.ConfirmCheckoutResponse>();
expectTypeOf<Out<typeof activateResponseSchema>>().toEqualTypeOf<T.ActivateResponse>();
expectTypeOf<Out<typeof errorBodySchema>>().toEqualTypeOf<T.ErrorBody>();
expectTypeOf<Out<typeof planChangeLineSchema>>().toEqualTypeOf<T.PlanChangeLine>();
expectTypeOf<Out<typeof planChangePreviewSchema>>().toEqualTypeOf<T.PlanChangePreview>();
expectTypeOf<Out<typeof planChangePreviewResponseSchema>>().toEqualTypeOf<T.PlanChangePreviewResponse>();
expectTypeOf<Out<typeof paymentMethodSchema>>().toEqualTypeOf<T.PaymentMethod>();
expectTypeOf<Out<typeof paymentMethodResponseSchema>>().toEqualTypeOf<T.PaymentMethodResponse>();
expectTypeOf<Out<typeof paymentMethodSetupSchema>>().toEqualTypeOf<T.PaymentMethodSetup>();
expectTypeOf<Out<typeof confirmPaymentMethodSetupResponseSchema>>().toEqualTypeOf<T.ConfirmPaymentMethodSetupResponse>();

// Requests: the type a client sends is what the server's schema accepts.
expectTypeOf<In<typeof checkoutRequestSchema>>().toEqualTypeOf<T.CheckoutRequest>();
expectTypeOf<In<typeof cancelRequestSchema>>().toEqualTypeOf<{ at_period_end: boolean }>();
expectTypeOf<In<typeof cardDetailsSchema>>().toEqualTypeOf<T.CardDetails>();
expectTypeOf<In<typeof confirmCheckoutRequestSchema>>().toEqualTypeOf<T.ConfirmCheckoutRequest>();
expectTypeOf<In<typeof authenticateRequestSchema>>().toEqualTypeOf<T.AuthenticateCheckoutRequest>();
expectTypeOf<In<typeof authenticateRequestSchema>>().toEqualTypeOf<T.AuthenticatePaymentMethodSetupRequest>();
expectTypeOf<In<typeof planChangePreviewRequestSchema>>().toEqualTypeOf<T.PlanChangePreviewRequest>();
expectTypeOf<In<typeof planChangeRequestSchema>>().toEqualTypeOf<T.PlanChangeRequest>();
expectTypeOf<In<typeof confirmPaymentMethodSetupRequestSchema>>().toEqualTypeOf<T.ConfirmPaymentMethodSetupRequest>();
expectTypeOf<In<typeof activateRequestSchema>>().toEqualTypeOf<{ session_id: string }>();

// The dev tools' own types of the /api/dev answers.
expectTypeOf<Out<typeof devFiredEventSchema>>().toEqualTypeOf<DevFiredEvent>();
expectTypeOf<Out<typeof paymentMethodSchema>>().toEqualTypeOf<DevCard>();
expectTypeOf<Out<typeof devInvoiceOutcomeSchema>>().toEqualTypeOf<DevInvoiceOutcome>();
expectTypeOf<Out<typeof devWebhookEventSchema>>().toEqualTypeOf<DevWebhookEvent>();
expectTypeOf<Out<typeof devPaymentSchema>>().toEqualTypeOf<DevPayment>();
