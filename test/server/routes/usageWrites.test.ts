import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintDevToken } from '../../../src/server/auth/mintDevToken';
import { loadOrCreateKeys } from '../../../src/server/keysFile';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { startCli } from '../../helpers/cli';
import { as, errorBody } from '../../helpers/http';

// POST /usage once committed one transaction per request (230-280/s).
// Events arriving together now share one commit, each request answered after it; a batch
// form takes up to 1,000 events, and an idempotency key per event makes a retry count once.
const API_KEY = 'bk_test_server_key_usage';
let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy({ apiKey: API_KEY });
});
afterAll(() => proxy.close());

const post = (body: unknown, auth = API_KEY) =>
  proxy.fetch('/api/proxy/billing/usage', {
    method: 'POST',
    headers: { Authorization: `Bearer ${auth}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const quantity = async (user: string, metric = 'api_calls') => (await as(proxy, user).get(`/usage?metric=${metric}`)).body.quantity as number;

describe('POST /usage { events: [...] } (batch, API key)', () => {
  it('records every event and answers how many were recorded', async () => {
    const res = await post({
      events: [
        { metric: 'api_calls', quantity: 3, subject: { user: 'user_batch_a' } },
        { metric: 'api_calls', quantity: 4, subject: { user: 'user_batch_a' } },
        { metric: 'api_calls', quantity: 5, subject: { org: 'org_batch' } },
      ],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 3, recorded: 3, duplicates: 0 });
    expect(await quantity('user_batch_a')).toBe(7);
    expect((await as(proxy, 'user_x', 'org_batch').get('/usage?metric=api_calls')).body.quantity).toBe(5);
  });

  it('counts a retried batch once, by idempotency_key per event (and a repeat inside one batch once)', async () => {
    const events = [1, 2, 3].map((n) => ({ metric: 'api_calls', quantity: n, subject: { user: 'user_batch_b' }, idempotency_key: `evt_${n}` }));
    expect(await (await post({ events })).json()).toEqual({ received: 3, recorded: 3, duplicates: 0 });
    expect(await (await post({ events })).json()).toEqual({ received: 3, recorded: 0, duplicates: 3 });
    expect(await (await post({ events: [...events, { ...events[0], idempotency_key: 'evt_4' }, { ...events[0], idempotency_key: 'evt_4' }] })).json()).toEqual({
      received: 5,
      recorded: 1,
      duplicates: 4,
    });
    expect(await quantity('user_batch_b')).toBe(1 + 2 + 3 + 1);
    // The same key for another subject is another event.
    expect(await (await post({ events: [{ ...events[0], subject: { user: 'user_batch_c' } }] })).json()).toMatchObject({ recorded: 1 });
  });

  it('takes 1,000 events in one request, refuses 1,001 and writes nothing then', async () => {
    const event = { metric: 'api_calls', quantity: 1, subject: { user: 'user_batch_d' }, idempotency_key: '' };
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ ...event, idempotency_key: `k_${i}_${'x'.repeat(40)}` }));
    const over = await post({ events: many(1001) });
    expect(over.status).toBe(400);
    expect(await over.json()).toEqual(errorBody('parameter_invalid', 'events'));
    expect(await quantity('user_batch_d')).toBe(0);
    const full = await post({ events: many(1000) });
    expect(await full.json()).toEqual({ received: 1000, recorded: 1000, duplicates: 0 });
    expect(await quantity('user_batch_d')).toBe(1000);
  });

  it.each([
    ['an empty list', { events: [] }, 'events'],
    ['an event without subject', { events: [{ metric: 'api_calls', quantity: 1 }] }, 'events.0.subject'],
    ['a bad quantity in the second event', { events: [{ metric: 'api_calls', quantity: 1, subject: { user: 'u' } }, { metric: 'api_calls', quantity: 0, subject: { user: 'u' } }] }, 'events.1.quantity'],
    ['an empty idempotency_key', { events: [{ metric: 'api_calls', quantity: 1, subject: { user: 'u' }, idempotency_key: '' }] }, 'events.0.idempotency_key'],
    ['a NUL in an idempotency_key', { events: [{ metric: 'api_calls', quantity: 1, subject: { user: 'u' }, idempotency_key: 'a\u0000' }] }, 'events.0.idempotency_key'],
  ])('refuses %s with 400 naming the field, recording nothing', async (_name, body, param) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.param).toBe(param);
    expect(await quantity('u')).toBe(0);
  });

  it('is refused with a user token (403), even in dev mode', async () => {
    const res = await post({ events: [{ metric: 'api_calls', quantity: 1, subject: { user: 'user_pro' } }] }, await proxy.tokenFor('user_pro'));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual(errorBody('forbidden'));
  });
});

describe('POST /usage (single events)', () => {
  it('counts an event with a repeated idempotency_key once and answers the summary both times', async () => {
    const body = { metric: 'api_calls', quantity: 9, subject: { user: 'user_single' }, idempotency_key: 'req_1' };
    const first = await (await post(body)).json();
    const second = await (await post(body)).json();
    expect(first).toMatchObject({ metric: 'api_calls', quantity: 9 });
    expect(second).toEqual(first);
  });

  it('shares commits between requests arriving together, each answered after its own event is counted', async () => {
    const store = proxy.store;
    const original = store.insertUsageEvents;
    let commits = 0;
    store.insertUsageEvents = (events) => {
      commits++;
      return original.call(store, events);
    };
    try {
      const answers = await Promise.all(
        Array.from({ length: 200 }, () => post({ metric: 'api_calls', quantity: 1, subject: { user: 'user_group' } }).then((r) => r.json())),
      );
      expect(answers.every((a) => typeof a.quantity === 'number' && a.quantity >= 1)).toBe(true);
      expect(Math.max(...answers.map((a) => a.quantity))).toBe(200);
      expect(await quantity('user_group')).toBe(200);
      expect(commits).toBeGreaterThan(0);
      expect(commits).toBeLessThan(20);
    } finally {
      store.insertUsageEvents = original;
    }
  });
});

describe('POST /usage and kill -9', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'billkit-usage-kill-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const start = async (): Promise<{ child: ChildProcess; url: string }> => {
    const env = { ...process.env };
    for (const name of ['PORT', 'BILLKIT_JWT_SECRET', 'BILLKIT_JWKS_URL', 'DATABASE_URL', 'BILLKIT_WEBHOOK_URL', 'BILLKIT_DATA_DIR', 'BILLKIT_API_KEY']) delete env[name];
    return startCli(['--port', '0', '--data-dir', dir, '--api-key', API_KEY], { env });
  };

  it('loses no acknowledged event when the proxy is killed mid-burst', async () => {
    const first = await start();
    const acked: string[] = [];
    let sent = 0;
    let killed = false;
    const sender = async (worker: number) => {
      for (let i = 0; !killed; i++) {
        const key = `kill_${worker}_${i}`;
        sent++;
        try {
          const res = await fetch(`${first.url}/api/proxy/billing/usage`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ metric: 'api_calls', quantity: 1, subject: { user: 'user_kill' }, idempotency_key: key }),
          });
          if (res.status === 200) acked.push(key);
          await res.arrayBuffer();
        } catch {
          return; // the connection died with the process
        }
        if (acked.length >= 400 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    await Promise.all(Array.from({ length: 20 }, (_, w) => sender(w)));
    await exited;
    expect(acked.length).toBeGreaterThanOrEqual(400);

    const second = await start();
    try {
      // Every acknowledged key is already there: sending them again records none of them.
      for (let at = 0; at < acked.length; at += 1000) {
        const keys = acked.slice(at, at + 1000);
        const res = await fetch(`${second.url}/api/proxy/billing/usage`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ events: keys.map((k) => ({ metric: 'api_calls', quantity: 1, subject: { user: 'user_kill' }, idempotency_key: k })) }),
        });
        expect(await res.json()).toEqual({ received: keys.length, recorded: 0, duplicates: keys.length });
      }
      const token = await mintDevToken({ secret: (await loadOrCreateKeys(dir)).jwtSecret, user: 'user_kill' });
      const usage = (await (await fetch(`${second.url}/api/proxy/billing/usage?metric=api_calls`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { quantity: number };
      expect(usage.quantity).toBeGreaterThanOrEqual(acked.length);
      expect(usage.quantity).toBeLessThanOrEqual(sent);
    } finally {
      const exited2 = new Promise((resolve) => second.child.once('exit', resolve));
      second.child.kill('SIGTERM');
      await exited2;
    }
  }, 90_000);
});
