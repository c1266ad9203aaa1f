import { z } from 'zod';
import { timestampSchema, wireSchemas } from './wireSchemas';

/** Most events one `POST /usage` batch may carry. */
const MAX_USAGE_BATCH = 1000;

/** A metric name: lower case, digits and underscores, starting with a letter, at most 64 characters. */
const metricSchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'Use lower case letters, digits and _ (max 64).');

/** `GET /usage` query. */
export const usageQuerySchema = z.object({ metric: metricSchema.describe('The metric, e.g. api_calls.') });

/** `GET /usage` answer (and a single `POST /usage`'s); `limit: null` is unlimited. */
export const usageSummarySchema = z
  .object({
    metric: z.string(),
    quantity: z.number().int(),
    period_start: timestampSchema,
    period_end: timestampSchema,
    limit: z.number().int().nullable(),
    included: z.number().int().nullable().optional().describe("Billkit addition: the units the subject's price includes; null when it bills no usage of this metric."),
    billable_quantity: z.number().int().optional().describe('Billkit addition: the units so far beyond included.'),
    amount: z.number().int().optional().describe('Billkit addition: what the usage so far costs, in minor units.'),
    currency: z.string().nullable().optional().describe('Billkit addition: the currency of amount; null without a subscription.'),
    projection: z
      .object({ quantity: z.number().int(), amount: z.number().int() })
      .optional()
      .describe('Billkit addition: quantity and amount at the period end at the rate so far (quantity × period / elapsed, rounded down).'),
  })
  .register(wireSchemas, { id: 'UsageSummary' });

const subjectId = z.string().min(1).max(200);
/** Whose usage an API-key call records. */
export const usageSubjectSchema = z
  .union([z.object({ user: subjectId }).strict(), z.object({ org: subjectId }).strict()])
  .register(wireSchemas, { id: 'UsageSubject' });

const eventFields = {
  metric: metricSchema,
  quantity: z.number().int().min(1).max(1_000_000_000),
  idempotency_key: z.string().min(1).max(255).optional().describe('Unique per subject: an event whose key was recorded is not counted again.'),
};

/** `POST /usage` body of one event; `subject` with the API key only. */
export const recordUsageRequestSchema = z
  .object({ ...eventFields, subject: usageSubjectSchema.optional() })
  .register(wireSchemas, { id: 'RecordUsageRequest' });

/** `POST /usage` body of a batch (API key only). */
export const recordUsageBatchRequestSchema = z
  .object({
    events: z
      .array(z.object({ ...eventFields, subject: usageSubjectSchema }))
      .min(1)
      .max(MAX_USAGE_BATCH, `At most ${MAX_USAGE_BATCH} events per request.`),
  })
  .register(wireSchemas, { id: 'RecordUsageBatchRequest' });

/** `POST /usage` answer of a batch. */
export const recordUsageBatchResponseSchema = z
  .object({ received: z.number().int(), recorded: z.number().int(), duplicates: z.number().int() })
  .register(wireSchemas, { id: 'RecordUsageBatchResponse' });

/** `POST /usage` body: one event, or a batch. */
export const recordUsageBodySchema = z
  .union([recordUsageRequestSchema, recordUsageBatchRequestSchema])
  .register(wireSchemas, { id: 'RecordUsageBody' });

/** `POST /usage` answer: the metric's summary after one event, the counts of a batch. */
export const recordUsageResponseSchema = z
  .union([usageSummarySchema, recordUsageBatchResponseSchema])
  .register(wireSchemas, { id: 'RecordUsageResponse' });
