import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mintDevToken } from '../../../src/server/auth/mintDevToken';
import { keysFilePath } from '../../../src/server/keysFile';
import { subjectKey } from '../../../src/server/subjectKey';
import { openPgliteStore } from '../../../src/server/store/openPgliteStore';
import { openPostgresStore } from '../../../src/server/store/openPostgresStore';
import type { Store } from '../../../src/server/store/Store';
import { startCli, type RunningCli } from '../../helpers/cli';
import { countMoney, paidTotal } from '../../helpers/money';
import { postgresAvailable, startPostgresCluster, type PostgresCluster } from '../../helpers/postgresCluster';

// Chaos: the real proxy process, a test processor that answers every charge 120 ms after
// taking it, and kill -9 at a random instant while a checkout, a plan change, an invoice
// payment, renewals and a dunning retry are all in flight. After a restart (which settles
// what was left in flight with the processor) and the customers' retries with the same
// Idempotency-Keys, the money the processor took from each subject equals what its paid
// invoices say, no charge was made outside the payment ledger, and nothing is left pending.

const LATENCY_MS = 120;
const SEEDS = [1, 2, 3];
const DAY = 86_400;
const CARD = { number: '4242424242424242', exp_month: 12, exp_year: 2099, cvc: '123' };
const DEMO = ['user_free', 'user_pro', 'user_trial', 'user_canceling', 'user_past_due', 'user_paused', 'user_incomplete', 'user_canceled'];

/** A small seeded generator (mulberry32), so a failing seed can be run again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Backend {
  name: string;
  args: string[];
  /** Opens the proxy's database while no proxy runs (PGlite admits one process). */
  open(): Promise<Store>;
}

async function pgliteBackend(dataDir: string): Promise<Backend> {
  return { name: 'PGlite', args: ['--data-dir', dataDir], open: () => openPgliteStore({ dataDir: join(dataDir, 'pgdata') }) };
}

function client(base: string, secret: string) {
  return async (user: string, method: string, path: string, body?: unknown, key?: string) => {
    const token = await mintDevToken({ secret, user });
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as any };
  };
}

async function start(backend: Backend, dataDir: string): Promise<{ cli: RunningCli; call: ReturnType<typeof client> }> {
  const cli = await startCli(['--port', '0', '--seed', 'demo', '--test-processor-latency', String(LATENCY_MS), ...backend.args, ...(backend.name === 'PGlite' ? [] : ['--data-dir', dataDir])]);
  const { jwtSecret } = JSON.parse(readFileSync(keysFilePath(dataDir), 'utf8')) as { jwtSecret: string };
  return { cli, call: client(cli.url, jwtSecret) };
}

function killHard(cli: RunningCli): Promise<void> {
  return new Promise((resolve) => {
    cli.child.once('exit', () => resolve());
    cli.child.kill('SIGKILL');
  });
}

/** Subscribes a new user to Starter monthly with 4242 (an embedded checkout paid in place). */
async function subscribe(call: ReturnType<typeof client>, user: string): Promise<void> {
  const session = await call(user, 'POST', '/api/proxy/billing/checkout', {
    price_id: 'price_starter_monthly',
    success_url: 'http://localhost/ok',
    cancel_url: 'http://localhost/cancel',
    ui_mode: 'embedded',
  });
  expect(session.status).toBe(200);
  const paid = await call(user, 'POST', `/api/proxy/billing/checkout/${session.body.session_id}/confirm`, { client_secret: session.body.client_secret, card: CARD });
  expect(paid.body.status).toBe('succeeded');
}

/**
 * One round: sets up three new subjects (one to check out, one to change plan, one past
 * due to pay), fires the charging requests and a month's renewals at once, kills the proxy
 * at `killAfterMs`, restarts it and retries every request with its key.
 */
async function round(backend: Backend, dataDir: string, seed: number, users: string[]): Promise<void> {
  const next = random(seed);
  let { cli, call } = await start(backend, dataDir);
  try {
    const [buyer, changer, payer] = ['buyer', 'changer', 'payer'].map((r) => `chaos_${seed}_${r}`) as [string, string, string];
    users.push(buyer, changer, payer);
    await subscribe(call, changer);
    await subscribe(call, payer);
    await call(payer, 'POST', '/api/dev/payment-method', { card: 'failing' });
    // A month on: the payer's renewal is declined (past_due, an open invoice), the others renew.
    expect((await call('user_pro', 'POST', '/api/dev/clock/advance', { seconds: 31 * DAY })).status).toBe(200);
    await call(payer, 'POST', '/api/dev/payment-method', { card: 'paying' });
    const open = (await call(payer, 'GET', '/api/proxy/billing/subscription')).body.subscription.latest_invoice;
    expect(open).toMatchObject({ status: 'open' });
    const session = (
      await call(buyer, 'POST', '/api/proxy/billing/checkout', { price_id: 'price_pro_monthly', success_url: 'http://localhost/ok', cancel_url: 'http://localhost/no', ui_mode: 'embedded' })
    ).body;

    const requests = {
      confirm: () => call(buyer, 'POST', `/api/proxy/billing/checkout/${session.session_id}/confirm`, { client_secret: session.client_secret, card: CARD }, `confirm-${seed}`),
      change: () => call(changer, 'POST', '/api/proxy/billing/subscription/change', { price_id: 'price_pro_monthly' }, `change-${seed}`),
      pay: () => call(payer, 'POST', `/api/proxy/billing/invoices/${open.id}/pay`, undefined, `pay-${seed}`),
    };
    // Everything at once, then kill -9 while charges are at the slow processor.
    const inFlight = [
      requests.confirm(),
      requests.change(),
      requests.pay(),
      call('user_pro', 'POST', '/api/dev/clock/advance', { seconds: 31 * DAY }),
    ].map((p) => p.catch(() => null));
    await new Promise((resolve) => setTimeout(resolve, Math.floor(next() * LATENCY_MS * 4)));
    await killHard(cli);
    await Promise.all(inFlight);

    ({ cli, call } = await start(backend, dataDir));
    // The customers try again with the same keys; each is answered, none charges twice.
    for (const retry of Object.values(requests)) expect((await retry()).status).toBeLessThan(500);
    // Whatever lifecycle work the kill interrupted runs now.
    expect((await call('user_pro', 'POST', '/api/dev/clock/advance', { seconds: 60 })).status).toBe(200);
    const payments = (await call(buyer, 'GET', '/api/dev/payments')).body.payments;
    expect(payments.filter((p: { status: string }) => p.status === 'succeeded')).toHaveLength(1);
  } finally {
    await cli.stop();
  }
}

/** Every subject's paid invoices against what the processor took from it. */
async function expectExactlyOnce(backend: Backend, users: string[]): Promise<void> {
  const store = await backend.open();
  try {
    const money = await countMoney(store);
    expect(money.orphans).toEqual([]);
    expect(money.pending).toEqual([]);
    for (const user of [...DEMO, ...users]) {
      const subject = subjectKey('user', user);
      const seededPaid = DEMO.includes(user) ? SEEDED_PAID.get(user)! : 0;
      expect({ user, paid: (await paidTotal(store, subject)) - seededPaid }).toEqual({ user, paid: money.charged.get(subject) ?? 0 });
    }
  } finally {
    await store.close();
  }
}

/** What the demo seed's invoices say was paid before any charge (history, no processor). */
const SEEDED_PAID = new Map<string, number>();
async function readSeededPaid(backend: Backend, dataDir: string): Promise<void> {
  const { cli } = await start(backend, dataDir);
  await cli.stop();
  const store = await backend.open();
  try {
    for (const user of DEMO) SEEDED_PAID.set(user, await paidTotal(store, subjectKey('user', user)));
    expect((await store.listTestProcessorCharges()).length).toBe(0);
  } finally {
    await store.close();
  }
}

const dirs: string[] = [];
let cluster: PostgresCluster | undefined;
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  cluster?.stop();
});

describe('exactly-once money under kill -9', () => {
  it('PGlite: every charging path, killed at random instants, charges each thing once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'billkit-chaos-'));
    dirs.push(dataDir);
    const backend = await pgliteBackend(dataDir);
    await readSeededPaid(backend, dataDir);
    const users: string[] = [];
    for (const seed of SEEDS) await round(backend, dataDir, seed, users);
    await expectExactlyOnce(backend, users);
  }, 240_000);

  it.skipIf(!postgresAvailable)('PostgreSQL: the same', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'billkit-chaos-pg-'));
    dirs.push(dataDir);
    cluster = await startPostgresCluster('pg-chaos');
    const url = cluster.url;
    const backend: Backend = { name: 'PostgreSQL', args: ['--database-url', url], open: () => openPostgresStore(url, { max: 2 }) };
    await readSeededPaid(backend, dataDir);
    const users: string[] = [];
    for (const seed of SEEDS) await round(backend, dataDir, seed + 100, users);
    await expectExactlyOnce(backend, users);
  }, 240_000);
});
