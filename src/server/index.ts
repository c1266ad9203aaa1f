/**
 * `billkit/server`: the reference billing proxy for Node. Build the app with
 * `createProxyApp`, serve it with `startProxyServer` (or mount `app.fetch` in any
 * fetch-based server), keep data in `openPgliteStore` or `openPostgresStore`.
 */
export { createProxyApp, type ProxyApp, type ProxyAppOptions, type ProxyAppType } from './app';
export { startProxyServer, type ProxyServer, type ProxyServerOptions } from './startProxyServer';
export { openPgliteStore, type PgliteStore, type PgliteStoreOptions } from './store/openPgliteStore';
export { openPostgresStore } from './store/openPostgresStore';
export type { Store } from './store/Store';
export { seedDemo, DEMO_SUBJECTS } from './seed/demo';
export { initializeStore } from './seed/initializeStore';
export { verifyWebhookSignature, signWebhookPayload } from './webhooks/webhookSignature';
export type {
  WebhookCheckoutSession,
  WebhookEvent,
  WebhookEventType,
  WebhookInvoice,
  WebhookObjects,
  WebhookSubject,
} from './webhooks/webhookEvents';
export { signCheckoutSession, verifyCheckoutSession } from './checkout/checkoutSessionSignature';
export { mintDevToken } from './auth/mintDevToken';
export type { AuthOptions, Caller } from './auth/createTokenVerifier';
export { createTestProcessor } from './processor/createTestProcessor';
export { createStripeProcessor, type StripeProcessorOptions } from './processor/stripe';
// What a processor of your own implements (PaymentProcessor and its optional capabilities)
// and the shapes it speaks in; `ProcessorUnavailable` is what it throws when it is refused
// or cannot be reached (declines are a `failed` PaymentResult, not an error).
export type {
  CardInput,
  PaymentProcessor,
  PaymentResult,
  ProcessorChange,
  ProcessorCheckout,
  ProcessorCheckoutInput,
  ProcessorEvent,
  ProcessorInvoice,
  ProcessorSubscriptionRef,
  ProcessorSubscriptionState,
  SavedCard,
} from './processor/types';
export type { CreatedProcessorSetup, ProcessorSetup, ProcessorSetups } from './processor/ProcessorSetups';
export type {
  ProcessorPlanChangeInput,
  ProcessorPlanChangePreview,
  ProcessorPlanChangeResult,
  ProcessorPlanChanges,
  ProcessorPreviewLine,
} from './processor/planChangeTypes';
export type { ProcessorCustomers } from './processor/ProcessorCustomers';
export type { PlanRecord, PriceRecord, PromotionCodeRecord } from './store/records';
export { DomainError, ProcessorUnavailable } from './domainErrors';
export { ProxyError } from './errors';
export { createOpenApiDocument, type OpenApiDocument } from './openApiDocument';
export { loadOrCreateKeys, type ProxyKeys } from './keysFile';
