import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import {
  recordUsageBatchRequestSchema,
  type recordUsageBatchResponseSchema,
  recordUsageBodySchema,
  recordUsageRequestSchema,
  usageQuerySchema,
  type usageSubjectSchema,
} from '../../contract/schemas/usageSchemas';
import type { UsageSummary } from '../../contract/types';
import { callerOf } from '../auth/authMiddleware';
import { subjectKey } from '../subjectKey';
import { checkUsageLimits, getUsage } from '../billing/usage';
import { ProxyError } from '../errors';
import { requireUser } from './requireUser';
import type { ApiEnv, RouteContext } from './RouteContext';
import { jsonBody, parse, queryOf } from './validation';

const keyOf = (subject: z.infer<typeof usageSubjectSchema>) => ('org' in subject ? subjectKey('org', subject.org) : subjectKey('user', subject.user));

/**
 * `POST /usage`'s body, one event or a batch (told apart by `events`), validated by the
 * schema of its kind, so a 400 names the field of that kind (`events.3.quantity`). A batch
 * needs the API key, checked before the batch is validated.
 */
const readUsageBody = (raw: Record<string, unknown>, c: Context<ApiEnv>) => {
  if (!('events' in raw)) return parse(recordUsageRequestSchema, raw);
  if (!c.get('apiKey')) throw new ProxyError(403, 'forbidden', 'Recording a batch of usage events needs the server API key.');
  return parse(recordUsageBatchRequestSchema, raw);
};

/**
 * `GET /usage?metric=` and `POST /usage`. Recording is allowed with the server API key
 * (which names the `subject` in the body) or, in dev mode, with a user token for the
 * caller's own subject, so the meter can be seen moving locally. `{ events: [...] }`
 * (API key only, up to 1,000) records a batch. Writes go through the group-commit
 * writer: each request is answered after the commit that holds its events.
 */
export function usageRoutes(ctx: RouteContext) {
  // Requests answered by the same commit share one summary read per subject and metric.
  const summaries = new Map<string, Promise<UsageSummary>>();
  const summaryAfter = (commit: number, subject: string, metric: string) => {
    const key = `${commit}\u0000${subject}\u0000${metric}`;
    let summary = summaries.get(key);
    if (!summary) {
      summary = getUsage(ctx, subject, metric).finally(() => summaries.delete(key));
      summaries.set(key, summary);
    }
    return summary;
  };

  return new Hono<ApiEnv>()
    .get('/usage', requireUser, queryOf(usageQuerySchema), async (c) => {
      const subject = callerOf(c).subject;
      const { metric } = c.req.valid('query');
      return c.json<UsageSummary, 200>(await getUsage(ctx, subject, metric), 200);
    })
    .post('/usage', jsonBody(recordUsageBodySchema, readUsageBody), async (c) => {
      const body = c.req.valid('json');
      if ('events' in body) {
        const { events } = body;
        const keyed = events.map((e) => ({ subject: keyOf(e.subject), metric: e.metric, quantity: e.quantity }));
        await checkUsageLimits(ctx, keyed, (i) => `events.${i}.quantity`);
        const { recorded } = await ctx.usageWriter.record(
          events.map((e) => ({ subject: keyOf(e.subject), metric: e.metric, quantity: e.quantity, idempotencyKey: e.idempotency_key })),
        );
        const count = recorded.filter(Boolean).length;
        return c.json<z.output<typeof recordUsageBatchResponseSchema>, 200>({ received: events.length, recorded: count, duplicates: events.length - count }, 200);
      }
      let subject: string;
      if (c.get('apiKey')) {
        if (!body.subject) throw new ProxyError(400, 'parameter_missing', 'Missing required parameter: subject.', 'subject');
        subject = keyOf(body.subject);
      } else {
        subject = callerOf(c).subject;
        if (!ctx.devMode) {
          throw new ProxyError(403, 'forbidden', 'Recording usage needs the server API key (user tokens may only in dev mode).');
        }
        if (body.subject) throw new ProxyError(400, 'parameter_invalid', 'subject is only accepted with the API key.', 'subject');
      }
      await checkUsageLimits(ctx, [{ subject, metric: body.metric, quantity: body.quantity }], () => 'quantity');
      const { commit } = await ctx.usageWriter.record([{ subject, metric: body.metric, quantity: body.quantity, idempotencyKey: body.idempotency_key }]);
      return c.json<UsageSummary, 200>(await summaryAfter(commit, subject, body.metric), 200);
    });
}
