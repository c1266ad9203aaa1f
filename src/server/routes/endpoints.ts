import { stripeEventSchema, stripeWebhookResponseSchema } from '../../contract/schemas/stripeWebhookSchemas';
import { BILLING_ENDPOINTS } from './billingEndpoints';
import { CHECKOUT_ENDPOINTS } from './checkoutEndpoints';
import { DEV_ENDPOINTS } from './devEndpoints';
import type { Endpoint } from './Endpoint';

export type { Endpoint, EndpointAuth, ErrorStatus } from './Endpoint';

/**
 * Every endpoint the proxy serves, in one table: the OpenAPI document (`GET /openapi.json`,
 * `dist/openapi.json`) is generated from it, and test/server/openapi.test.ts fails when
 * the app serves a route this table lacks (or the other way round).
 */
export const ENDPOINTS: readonly Endpoint[] = [
  ...BILLING_ENDPOINTS,
  ...CHECKOUT_ENDPOINTS,
  {
    method: 'POST',
    path: '/webhooks/stripe',
    summary: "Stripe's events about Billkit's checkouts and subscriptions, verified against Stripe-Signature (Stripe processor only).",
    tag: 'webhooks',
    auth: 'stripe_signature',
    body: { schema: stripeEventSchema, required: true },
    answer: { status: 200, description: 'The event was received.', schema: stripeWebhookResponseSchema },
    errors: { 400: 'A bad or missing Stripe-Signature; nothing was written.', 503: 'No webhook secret configured (--stripe-webhook-secret).' },
    mounted: 'stripe',
  },
  {
    method: 'GET',
    path: '/openapi.json',
    summary: 'This document.',
    tag: 'meta',
    auth: 'none',
    answer: { status: 200, description: 'The OpenAPI 3.1 document of the proxy.' },
    errors: {},
    mounted: 'always',
  },
  ...DEV_ENDPOINTS,
];
