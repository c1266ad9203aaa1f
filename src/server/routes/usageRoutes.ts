import { Hono } from 'hono';
import { z } from 'zod';
import { callerOf } from '../auth/authMiddleware';
import { subjectKey } from '../auth/subjectKey';
import { getUsage, recordUsage } from '../billing/usage';
import { ProxyError } from '../errors';
import type { ApiEnv, RouteContext } from './RouteContext';
import { metricSchema, parse, readJson } from './validation';

const subjectId = z.string().min(1).max(200);
const recordBody = z.object({
  metric: metricSchema,
  quantity: z.number().int().min(1).max(1_000_000_000),
  /** API key only: whose usage this is. */
  subject: z.union([z.object({ user: subjectId }).strict(), z.object({ org: subjectId }).strict()]).optional(),
});

/**
 * `GET /usage?metric=` and `POST /usage`. Recording is allowed with the server API key
 * (which names the `subject` in the body) or, in dev mode, with a user token for the
 * caller's own subject, so the meter can be seen moving locally.
 */
export function usageRoutes(ctx: RouteContext) {
  return new Hono<ApiEnv>()
    .get('/usage', async (c) => {
      const subject = callerOf(c).subject;
      const { metric } = parse(z.object({ metric: metricSchema }), { metric: c.req.query('metric') });
      return c.json(await getUsage(ctx, subject, metric));
    })
    .post('/usage', async (c) => {
      const body = parse(recordBody, await readJson(c));
      let subject: string;
      if (c.get('apiKey')) {
        if (!body.subject) throw new ProxyError(400, 'parameter_missing', 'Missing required parameter: subject.', 'subject');
        subject = 'org' in body.subject ? subjectKey('org', body.subject.org) : subjectKey('user', body.subject.user);
      } else {
        subject = callerOf(c).subject;
        if (!ctx.devMode) {
          throw new ProxyError(403, 'forbidden', 'Recording usage needs the server API key (user tokens may only in dev mode).');
        }
        if (body.subject) throw new ProxyError(400, 'parameter_invalid', 'subject is only accepted with the API key.', 'subject');
      }
      return c.json(await recordUsage(ctx, subject, body.metric, body.quantity));
    });
}
