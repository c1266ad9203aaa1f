import { z } from 'zod';
import { wireSchemas } from './wireSchemas';

/** A Stripe event envelope (`POST /webhooks/stripe`), verified against `Stripe-Signature` before it is read. */
export const stripeEventSchema = z
  .looseObject({ id: z.string(), type: z.string(), data: z.looseObject({ object: z.looseObject({}) }) })
  .register(wireSchemas, { id: 'StripeEvent', description: "A Stripe event, as Stripe's webhooks send it." });

/** `POST /webhooks/stripe` answer: whether the event changed anything. */
export const stripeWebhookResponseSchema = z
  .object({ received: z.literal(true), outcome: z.enum(['applied', 'ignored', 'duplicate']) })
  .register(wireSchemas, { id: 'StripeWebhookResponse' });
