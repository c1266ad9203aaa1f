import { Hono } from 'hono';
import type { z } from 'zod';
import {
  recordUsageBatchRequestSchema,
  recordUsageRequestSchema,
  usageQuerySchema,
  type usageSubjectSchema,
} from '../../contract/schemas/usageSchemas';
import type { UsageSummary } from '../../contract/types';
import { callerOf } from '../auth/authMiddleware';
import { subjectKey } from '../subjectKey';
import { checkUsageLimits, getUsage } from '../billing/usage';
import { ProxyError } from '../errors';
import type { ApiEnv, RouteContext } from './RouteContext';
import { parse, readJson } from './validation';

const keyOf = (subject: z.infer<typeof usageSubjectSchema>) => ('org' in subject ? subjectKey('org', subject.org) : subjectKey('user', subject.user));

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
    .get('/usage', async (c) => {
      const subject = callerOf(c).subject;
      const { metric } = parse(usageQuerySchema, { metric: c.req.query('metric') });
      return c.json(await getUsage(ctx, subject, metric));
    })
    .post('/usage', async (c) => {
      const raw = await readJson(c);
      if ('events' in raw) {
        if (!c.get('apiKey')) throw new ProxyError(403, 'forbidden', 'Recording a batch of usage events needs the server API key.');
        const { events } = parse(recordUsageBatchRequestSchema, raw);
        const keyed = events.map((e) => ({ subject: keyOf(e.subject), metric: e.metric, quantity: e.quantity }));
        await checkUsageLimits(ctx, keyed, (i) => `events.${i}.quantity`);
        const { recorded } = await ctx.usageWriter.record(
          events.map((e) => ({ subject: keyOf(e.subject), metric: e.metric, quantity: e.quantity, idempotencyKey: e.idempotency_key })),
        );
        const count = recorded.filter(Boolean).length;
        return c.json({ received: events.length, recorded: count, duplicates: events.length - count });
      }
      const body = parse(recordUsageRequestSchema, raw);
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
      return c.json(await summaryAfter(commit, subject, body.metric));
    });
}
