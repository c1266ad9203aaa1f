import { z } from 'zod';
import { invoiceSchema } from './invoicesSchemas';
import { paymentMethodSchema } from './paymentMethodSchemas';
import { subscriptionSchema } from './subscriptionSchemas';
import { timestampSchema, wireSchemas } from './wireSchemas';

// The dev-only endpoints under /api/dev (dev mode or --dev-clock), for <BillingDevtools/>.

/** The furthest one clock advance may go: ten years (a larger jump is almost surely a unit mistake). */
export const MAX_ADVANCE_SECONDS = 10 * 366 * 86_400;

export const devClockSchema = z.object({ now: timestampSchema }).register(wireSchemas, { id: 'DevClock' });

/** `POST /api/dev/clock/advance` body: `{ seconds }` or `{ to }`, forward only. */
export const devAdvanceBySecondsSchema = z.object({ seconds: z.number().positive().max(MAX_ADVANCE_SECONDS) }).strict();
export const devAdvanceToSchema = z.object({ to: z.iso.datetime({ offset: true }) }).strict();
export const devAdvanceRequestSchema = z.union([devAdvanceBySecondsSchema, devAdvanceToSchema]).register(wireSchemas, { id: 'DevAdvanceRequest' });

export const devFiredEventSchema = z.object({ type: z.string(), subject: z.string(), id: z.string() }).register(wireSchemas, { id: 'DevFiredEvent' });

export const devAdvanceResponseSchema = z
  .object({ now: timestampSchema, events: z.array(devFiredEventSchema) })
  .register(wireSchemas, { id: 'DevAdvanceResponse' });

/** Plain subject ids, as tokens carry them. */
const subjectId = z.string().min(1).max(200).regex(/^[^\s]+$/, 'Use an id without spaces.');
export const devTokenRequestSchema = z.object({ user: subjectId, org: subjectId.optional() }).strict().register(wireSchemas, { id: 'DevTokenRequest' });
export const devTokenResponseSchema = z
  .object({ token: z.string(), subject: z.object({ kind: z.enum(['user', 'org']), id: z.string() }), expires_at: timestampSchema })
  .register(wireSchemas, { id: 'DevTokenResponse' });

export const devCardRequestSchema = z.object({ card: z.enum(['failing', 'paying']) }).strict().register(wireSchemas, { id: 'DevCardRequest' });
export const devPaymentMethodResponseSchema = z
  .object({ payment_method: paymentMethodSchema.nullable() })
  .register(wireSchemas, { id: 'DevPaymentMethodResponse' });

export const devInvoiceOutcomeSchema = z
  .object({ invoice: invoiceSchema, subscription: subscriptionSchema.nullable(), events: z.array(devFiredEventSchema) })
  .register(wireSchemas, { id: 'DevInvoiceOutcome' });

export const devEventsQuerySchema = z.object({
  limit: z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(100)).optional().describe('1 to 100, default 50.'),
});

export const devWebhookEventSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    created_at: timestampSchema,
    delivery: z.object({
      status: z.enum(['delivered', 'pending', 'retrying', 'not_sent']),
      attempts: z.number().int(),
      last_error: z.string().nullable(),
      delivered_at: timestampSchema.nullable(),
    }),
    payload: z.unknown(),
  })
  .register(wireSchemas, { id: 'DevWebhookEvent' });

export const devEventsResponseSchema = z
  .object({ webhooks: z.boolean(), events: z.array(devWebhookEventSchema) })
  .register(wireSchemas, { id: 'DevEventsResponse' });

/**
 * A payment of the caller, from the proxy's payment ledger, with what the processor
 * recorded for its key (the built-in test processor's ledger: `null` with another processor).
 */
export const devPaymentSchema = z
  .object({
    id: z.string(),
    purpose: z.enum(['checkout', 'plan_change', 'invoice_pay', 'renewal', 'retry', 'devtools']),
    object: z.object({ kind: z.enum(['invoice', 'checkout']), id: z.string() }),
    attempt: z.number().int(),
    idempotency_key: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    status: z.enum(['pending', 'requires_action', 'succeeded', 'failed', 'refunded']),
    failure_code: z.string().nullable(),
    created_at: timestampSchema,
    settled_at: timestampSchema.nullable(),
    processor: z
      .object({
        charged: z.number().int().describe('Minor units the processor took for this key (0 unless it succeeded).'),
        refunded: z.number().int(),
        status: z.string().nullable(),
      })
      .nullable(),
  })
  .register(wireSchemas, { id: 'DevPayment' });

export const devPaymentsResponseSchema = z
  .object({ payments: z.array(devPaymentSchema) })
  .register(wireSchemas, { id: 'DevPaymentsResponse' });
