import { Hono } from 'hono';
import type { BillingContext } from '../billing/BillingContext';
import { applyProcessorEvent } from '../billing/processorEvents';
import { ProxyError } from '../errors';
import type { StripeProcessor } from '../processor/stripe';
import { translateStripeEvent } from '../processor/stripeEvents';
import type { PaymentProcessor } from '../processor/types';

/** Whether the proxy's processor is the Stripe one (so `POST /webhooks/stripe` exists). */
export function isStripeProcessor(processor: PaymentProcessor): processor is StripeProcessor {
  return processor.name === 'stripe' && 'stripe' in processor;
}

/**
 * `POST /webhooks/stripe`: Stripe's events about Billkit's checkouts and subscriptions.
 * The raw body is verified against the `Stripe-Signature` header with the webhook secret
 * (`stripe.webhooks.constructEventAsync`, 300-second tolerance) before anything is read
 * from it: a bad or missing signature is a 400 that writes nothing.
 */
export function stripeWebhookRoutes(ctx: BillingContext, processor: StripeProcessor) {
  return new Hono().post('/webhooks/stripe', async (c) => {
    const secret = processor.webhookSecret;
    if (!secret) {
      throw new ProxyError(503, 'webhook_not_configured', 'Set --stripe-webhook-secret [STRIPE_WEBHOOK_SECRET] to receive Stripe events.');
    }
    const payload = await c.req.text();
    let event;
    try {
      event = await processor.stripe.webhooks.constructEventAsync(payload, c.req.header('stripe-signature') ?? '', secret);
    } catch {
      throw new ProxyError(400, 'signature_invalid', 'The Stripe-Signature header does not match the payload.');
    }
    const outcome = await applyProcessorEvent(ctx, translateStripeEvent(event));
    return c.json({ received: true, outcome });
  });
}
