import { z } from 'zod';
import { authenticateRequestSchema, cardDetailsSchema, clientSecretSchema, requiresActionSchema } from './cardSchemas';
import { wireSchemas } from './wireSchemas';

/** The card on file. */
export const paymentMethodSchema = z
  .object({ brand: z.string(), last4: z.string(), exp_month: z.number().int(), exp_year: z.number().int() })
  .register(wireSchemas, { id: 'PaymentMethod' });

/** `GET /payment-method` answer. */
export const paymentMethodResponseSchema = z
  .object({ payment_method: paymentMethodSchema.nullable() })
  .register(wireSchemas, { id: 'PaymentMethodResponse' });

/** `POST /payment-method/setup` answer (like a Stripe SetupIntent). */
export const paymentMethodSetupSchema = z
  .object({
    setup_id: z.string(),
    client_secret: z.string(),
    processor: z.enum(['test', 'stripe']),
    publishable_key: z.string().optional(),
  })
  .register(wireSchemas, { id: 'PaymentMethodSetup' });

/** Path of the setup endpoints. */
export const setupParamsSchema = z.object({ setup_id: z.string().describe('The setup id from POST /payment-method/setup.') });

/** `POST /payment-method/setup/:setup_id/confirm` body: `card` only with the test processor (Stripe confirmed it in the page). */
export const confirmPaymentMethodSetupRequestSchema = z
  .object({ client_secret: clientSecretSchema, card: cardDetailsSchema.optional() })
  .register(wireSchemas, { id: 'ConfirmPaymentMethodSetupRequest' });

/** `POST /payment-method/setup/:setup_id/authenticate` body. */
export const authenticatePaymentMethodSetupRequestSchema = authenticateRequestSchema;

/** `POST /payment-method/setup/:setup_id/confirm` and `/authenticate` answer. */
export const confirmPaymentMethodSetupResponseSchema = z
  .discriminatedUnion('status', [z.object({ status: z.literal('succeeded'), payment_method: paymentMethodSchema }), requiresActionSchema])
  .register(wireSchemas, { id: 'ConfirmPaymentMethodSetupResponse' });
