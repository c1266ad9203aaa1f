import { Hono } from 'hono';
import { devAdvanceBySecondsSchema, devAdvanceToSchema, MAX_ADVANCE_SECONDS } from '../../contract/schemas/devSchemas';
import { wireLifecycleEvent } from '../billing/events';
import type { Clock } from '../billing/createClock';
import type { LifecycleScheduler } from '../billing/createLifecycleScheduler';
import { iso } from '../billing/time';
import { ProxyError } from '../errors';
import type { ApiEnv } from './RouteContext';
import { parse, readJson } from './validation';

/**
 * The dev clock (dev mode only; the app mounts it under `/api/dev`, behind the token check):
 * `GET /clock` → `{ now }`; `POST /clock/advance` `{ seconds }` or `{ to }` (forward only)
 * → runs every lifecycle step due up to the new now, in time order, for every subject (there
 * is one clock), and answers `{ now, events: [{ type, subject, id }] }` with the events of the
 * caller's own subject: a subject sees only its own data, even in dev. The API key and the
 * `billkit-proxy clock` command's operator token (see {@link Caller.operator}) see all of them.
 */
export function devClockRoutes(clock: Clock, scheduler: LifecycleScheduler) {
  return new Hono<ApiEnv>()
    .get('/clock', async (c) => {
      await clock.load();
      return c.json({ now: iso(clock.now()) });
    })
    .post('/clock/advance', async (c) => {
      const body = await readJson(c);
      if (!('seconds' in body) && !('to' in body)) {
        throw new ProxyError(400, 'parameter_missing', 'Send { "seconds": n } or { "to": "<ISO-8601>" }.', 'seconds');
      }
      const input = 'seconds' in body ? parse(devAdvanceBySecondsSchema, body) : parse(devAdvanceToSchema, body);
      await clock.load();
      const now = clock.now();
      const to = 'seconds' in input ? new Date(now.getTime() + input.seconds * 1000) : new Date(input.to);
      if (to.getTime() <= now.getTime()) {
        throw new ProxyError(400, 'parameter_invalid', `The clock only moves forward; it is ${iso(now)} now.`, 'to');
      }
      if (to.getTime() - now.getTime() > MAX_ADVANCE_SECONDS * 1000) {
        throw new ProxyError(400, 'parameter_invalid', 'Advance at most ten years at a time.', 'to');
      }
      const events = await scheduler.advance(to);
      const caller = c.get('caller');
      const visible = caller && !caller.operator ? events.filter((event) => event.subjectKey === caller.subject) : events;
      return c.json({ now: iso(clock.now()), events: visible.map(wireLifecycleEvent) });
    });
}
