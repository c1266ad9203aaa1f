/**
 * `billkit/server`: the reference billing proxy for Node. Build the app with
 * `createProxyApp`, serve it with `startProxyServer` (or mount `app.fetch` in any
 * fetch-based server), keep data in `openPgliteStore` or `openPostgresStore`.
 */
export { createProxyApp, type ProxyApp, type ProxyAppOptions } from './app';
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
export type { CardInput, PaymentProcessor, PaymentResult } from './processor/types';
export { ProxyError } from './errors';
export { createOpenApiDocument, type OpenApiDocument } from './openApiDocument';
export { loadOrCreateKeys, type ProxyKeys } from './keysFile';
