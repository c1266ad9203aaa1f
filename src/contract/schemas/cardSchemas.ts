import { z } from 'zod';
import { wireSchemas } from './wireSchemas';

/**
 * Card details as a card form collects them: the one card shape of browser and proxy
 * (test/contract/wireSchemas.test-d.ts holds it equal to `CardDetails`).
 */
export const cardDetailsSchema = z
  .object({
    number: z.string().min(1).max(32).describe('Digits, spaces allowed.'),
    exp_month: z.number().int(),
    exp_year: z.number().int().describe('Four digits (2030) or two (30).'),
    cvc: z.string().max(8),
    postal_code: z.string().max(16).optional(),
  })
  .register(wireSchemas, { id: 'CardDetails' });

/** The secret of an embedded checkout or a payment method setup. */
export const clientSecretSchema = z.string().min(1).max(200);

/** `.../authenticate` body: the customer's answer to a 3-D Secure challenge. */
export const authenticateRequestSchema = z
  .object({ client_secret: clientSecretSchema, approve: z.boolean() })
  .register(wireSchemas, { id: 'AuthenticateRequest' });

/** What a payment asking for 3-D Secure answers instead of succeeding. */
export const requiresActionSchema = z.object({ status: z.literal('requires_action'), next_action: z.object({ type: z.literal('authenticate') }) });
