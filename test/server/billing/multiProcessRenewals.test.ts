import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintDevToken } from '../../../src/server/auth/mintDevToken';
import { openPostgresStore } from '../../../src/server/store/openPostgresStore';
import { countMoney, paidTotal } from '../../helpers/money';
import { loadOrCreateKeys } from '../../../src/server/keysFile';
import { postgresAvailable as available, startPostgresCluster, type PostgresCluster } from '../../helpers/postgresCluster';

// Three real proxy processes (the CLI) on one real PostgreSQL: the lifecycle engine's row
// locks must make each renewal happen exactly once however the processes race, and the
// outbox's claims must deliver each webhook event exactly once.

const SECRET = 'multi-process-secret';
const SUBSCRIPTIONS = 100;
const CLI = ['--import', 'tsx', 'src/server/cli.ts'];

/** Starts `billkit-proxy` on a free port against `databaseUrl`; resolves with its URL once ready. */
async function startProxyProcess(databaseUrl: string, dataDir: string, webhookUrl: string, children: ChildProcess[]): Promise<string> {
  // One data folder for the three: the same key signs checkout sessions, whichever proxy made them.
  const child = spawn(
    process.execPath,
    [...CLI, '--port', '0', '--data-dir', dataDir, '--database-url', databaseUrl, '--seed', 'demo', '--jwt-secret', SECRET, '--dev-clock',
      '--webhook-url', webhookUrl, '--webhook-secret', 'whsec_multi_process'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let out = '';
  child.stderr!.on('data', (c) => (out += c));
  return new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const url = /URL:\s+(http:\/\/\S+)/.exec(out)?.[1];
      if (url && /Payments:/.test(out)) resolve(url);
    });
    child.on('exit', (code) => reject(new Error(`proxy exited ${code}: ${out}`)));
  });
}

/** The shared data folder's dev key: the only key whose operator tokens a proxy beside a real secret honours. */
let operatorKey = '';

async function call(base: string, user: string, method: string, path: string, body?: unknown, operator = false, idempotencyKey?: string) {
  const token = await mintDevToken({ secret: operator ? operatorKey : SECRET, user, operator });
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe.skipIf(!available)('three proxies on one PostgreSQL', () => {
  let cluster: PostgresCluster | undefined;
  let keysDir: string;
  let url: string;
  const children: ChildProcess[] = [];
  let proxies: string[] = [];
  /** Every webhook delivery the three proxies made, by event id. */
  const deliveries = new Map<string, number>();
  let receiver: Server;

  beforeAll(async () => {
    keysDir = mkdtempSync(join(tmpdir(), 'billkit-multi-keys-'));
    cluster = await startPostgresCluster('pg-multi');
    url = cluster.url;
    receiver = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const { id } = JSON.parse(body) as { id: string };
        deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hooks = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks`;
    // The first one migrates and seeds; the other two find it done.
    proxies = [await startProxyProcess(url, keysDir, hooks, children)];
    proxies.push(...(await Promise.all([startProxyProcess(url, keysDir, hooks, children), startProxyProcess(url, keysDir, hooks, children)])));
    operatorKey = (await loadOrCreateKeys(keysDir)).jwtSecret;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
    if (keysDir) rmSync(keysDir, { recursive: true, force: true });
    cluster?.stop();
  });

  it(`renews each of ${SUBSCRIPTIONS} subscriptions exactly once when all three advance a month at the same time`, async () => {
    // Subscribe through the three proxies in turn.
    for (let batch = 0; batch < SUBSCRIPTIONS; batch += 10) {
      await Promise.all(
        Array.from({ length: 10 }, async (_, k) => {
          const n = batch + k;
          const base = proxies[n % 3]!;
          const user = `user_mp_${n}`;
          const { body: session } = await call(base, user, 'POST', '/api/proxy/billing/checkout', {
            price_id: 'price_starter_monthly',
            success_url: 'https://app.example.com/ok',
            cancel_url: 'https://app.example.com/no',
            ui_mode: 'embedded',
          });
          const paid = await call(base, user, 'POST', `/api/proxy/billing/checkout/${session.session_id}/confirm`, {
            client_secret: session.client_secret,
            card: { number: '4242424242424242', exp_month: 12, exp_year: 2099, cvc: '123' },
          });
          expect(paid.body.status).toBe('succeeded');
        }),
      );
    }
    const { body: clock } = await call(proxies[0]!, 'billkit_operator', 'GET', '/api/dev/clock', undefined, true);
    const to = new Date(Date.parse(clock.now) + 32 * 86_400_000).toISOString();
    const answers = await Promise.all(proxies.map((base) => call(base, 'billkit_operator', 'POST', '/api/dev/clock/advance', { to }, true)));
    for (const a of answers) expect(a.status).toBe(200);
    // Between them, the three runs renewed every subscription once.
    const renewedBy = answers.map((a) => a.body.events.filter((e: { type: string; subject: string }) => e.type === 'invoice.paid' && e.subject.startsWith('user_mp_')).length);
    expect(renewedBy.reduce((a, b) => a + b, 0)).toBe(SUBSCRIPTIONS);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const perSubscription = await client.query<{ subject: string; invoices: number; starts: number }>(
        `select subject, count(*)::int as invoices, count(distinct period_start)::int as starts
         from invoices where subject like 'user:user_mp_%' group by subject`,
      );
      expect(perSubscription.rows).toHaveLength(SUBSCRIPTIONS);
      for (const row of perSubscription.rows) expect(row).toMatchObject({ invoices: 2, starts: 2 });
      const periods = await client.query<{ n: number }>(
        `select count(*)::int as n from subscriptions s
         where s.subject like 'user:user_mp_%' and s.status = 'active'
           and exists (select 1 from invoices i where i.subscription_id = s.id and i.period_start = s.current_period_start and i.status = 'paid')`,
      );
      expect(periods.rows[0]!.n).toBe(SUBSCRIPTIONS);

      // Every event the three wrote (4 per checkout, 3 per renewal) was delivered, each once.
      const pending = async () =>
        (await client.query<{ n: number }>(`select count(*)::int as n from outbox where kind = 'webhook' and status = 'pending'`)).rows[0]!.n;
      await expect.poll(pending, { timeout: 60_000, interval: 200 }).toBe(0);
      const written = await client.query<{ id: string; subject: string | null }>(`select id, subject from outbox where kind = 'webhook'`);
      expect(written.rows.filter((r) => r.subject?.startsWith('user:user_mp_')).length).toBe(SUBSCRIPTIONS * 7);
      expect([...deliveries.keys()].sort()).toEqual(written.rows.map((r) => r.id).sort());
      expect([...deliveries.values()].filter((n) => n !== 1)).toEqual([]);
    } finally {
      await client.end();
    }
    // Counted at the processor: each subject was charged its checkout and one renewal, nothing more.
    const store = await openPostgresStore(url, { max: 2 });
    try {
      const money = await countMoney(store);
      expect(money.orphans).toEqual([]);
      expect(money.pending).toEqual([]);
      for (let n = 0; n < SUBSCRIPTIONS; n++) expect(money.charged.get(`user:user_mp_${n}`)).toBe(1800);
    } finally {
      await store.close();
    }
  }, 180_000);

  it('a plan change sent twice to each of the three at once (half with one Idempotency-Key) charges once per subject', async () => {
    const users = Array.from({ length: 5 }, (_, n) => `user_mp_${n}`);
    await Promise.all(
      users.map(async (user, n) => {
        const answers = await Promise.all(
          [...proxies, ...proxies].map((base, i) =>
            call(base, user, 'POST', '/api/proxy/billing/subscription/change', { price_id: 'price_pro_monthly' }, false, i % 2 === 0 ? `mp-change-${n}` : undefined),
          ),
        );
        const statuses = answers.map((a) => a.status);
        // The first decided under the lock wins; the others are told it changed (409) or that it is on that price now (400).
        expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
        for (const s of statuses) expect([200, 400, 409]).toContain(s);
      }),
    );
    const store = await openPostgresStore(url, { max: 2 });
    try {
      const money = await countMoney(store);
      expect(money.orphans).toEqual([]);
      expect(money.pending).toEqual([]);
      for (const user of users) {
        const subject = `user:${user}`;
        const changes = (await store.listPayments(subject, 100)).filter((p) => p.purpose === 'plan_change' && p.status === 'succeeded');
        expect(changes).toHaveLength(1);
        expect(money.charged.get(subject)).toBe((await paidTotal(store, subject)));
      }
    } finally {
      await store.close();
    }
  }, 120_000);
});
