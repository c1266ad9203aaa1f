import { afterAll, describe, expect, it } from 'vitest';
import { createProxyApp } from '../../../src/server/app';
import { mintDevToken } from '../../../src/server/auth/mintDevToken';
import { createTestProcessor } from '../../../src/server/processor/createTestProcessor';
import { initializeStore } from '../../../src/server/seed/initializeStore';
import { openPostgresStore } from '../../../src/server/store/openPostgresStore';
import type { Store } from '../../../src/server/store/Store';
import { countMoney, paidTotal } from '../../helpers/money';
import { postgresAvailable, startPostgresCluster, type PostgresCluster } from '../../helpers/postgresCluster';
import { startTestProxy, TEST_SECRETS } from '../../helpers/proxy';

// Parallel requests for one subject, each able to charge: plan changes (with and without
// Idempotency-Keys), a checkout switching plan, invoice payments and the dunning retry of
// the same invoice, against a test processor slow enough for them all to overlap. Counted
// at the processor's ledger: what it took from each subject is what its paid invoices say.

const LATENCY_MS = 40;
const CARD = { number: '4242424242424242', exp_month: 12, exp_year: 2099, cvc: '123' };

interface Proxy {
  call(user: string, method: string, path: string, body?: unknown, key?: string): Promise<{ status: number; body: any }>;
  store: Store;
  close(): Promise<void>;
}

function caller(request: (path: string, init: RequestInit) => Promise<Response>) {
  return async (user: string, method: string, path: string, body?: unknown, key?: string) => {
    const token = await mintDevToken({ secret: TEST_SECRETS.jwt, user });
    const res = await request(path, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
}

async function pgliteProxy(): Promise<Proxy> {
  const proxy = await startTestProxy({ lifecycle: { timer: false }, processorFor: (store) => createTestProcessor({ ledger: store, latencyMs: LATENCY_MS }) });
  return { call: caller((path, init) => proxy.fetch(path, init)), store: proxy.store, close: proxy.close };
}

let cluster: PostgresCluster | undefined;
let databases = 0;
afterAll(() => cluster?.stop());

async function postgresProxy(): Promise<Proxy> {
  cluster ??= await startPostgresCluster('pg-races');
  // A database per run, so each starts from the demo seed.
  const name = `races_${++databases}`;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = cluster.url.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  const store = await openPostgresStore(url);
  await initializeStore(store, { seed: 'demo' });
  const app = createProxyApp({
    store,
    auth: { secret: TEST_SECRETS.jwt },
    signingSecret: TEST_SECRETS.signing,
    devMode: true,
    lifecycle: { timer: false },
    processor: createTestProcessor({ ledger: store, latencyMs: LATENCY_MS }),
  });
  return {
    call: caller((path, init) => Promise.resolve(app.request(path, init))),
    store,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** Everyone at once: five plan changes and a plan-switching checkout for user_pro, four pays and a dunning retry for user_past_due. */
async function race(proxy: Proxy, round: number): Promise<void> {
  const subjects = ['user:user_pro', 'user:user_past_due'];
  const before = new Map<string, number>();
  for (const s of subjects) before.set(s, await paidTotal(proxy.store, s));
  await proxy.call('user_past_due', 'POST', '/api/dev/payment-method', { card: 'paying' });
  const open = (await proxy.call('user_past_due', 'GET', '/api/proxy/billing/subscription')).body.subscription.latest_invoice;
  const session = (
    await proxy.call('user_pro', 'POST', '/api/proxy/billing/checkout', {
      price_id: 'price_starter_annual',
      success_url: 'http://localhost/ok',
      cancel_url: 'http://localhost/no',
      ui_mode: 'embedded',
    })
  ).body;
  const change = (key?: string) => proxy.call('user_pro', 'POST', '/api/proxy/billing/subscription/change', { price_id: 'price_pro_annual' }, key);
  const pay = (key?: string) => proxy.call('user_past_due', 'POST', `/api/proxy/billing/invoices/${open.id}/pay`, undefined, key);
  const answers = await Promise.all([
    change(),
    change(),
    change(`change-a-${round}`),
    change(`change-a-${round}`),
    change(`change-b-${round}`),
    proxy.call('user_pro', 'POST', `/api/proxy/billing/checkout/${session.session_id}/confirm`, { client_secret: session.client_secret, card: CARD }),
    pay(`pay-a-${round}`),
    pay(`pay-a-${round}`),
    pay(`pay-b-${round}`),
    pay(),
    proxy.call('user_pro', 'POST', '/api/dev/clock/advance', { seconds: 3 * 86_400 + 60 }),
  ]);
  for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBeLessThan(500);
  // The customer's own retry (the same key) waits for the first request and gets its answer
  // when that answer is kept (a success or a decline); after a conflict, which is not kept,
  // the retry runs again by itself. Either way it is never refused for the key being in use.
  for (const [first, again] of [[answers[2]!, answers[3]!], [answers[6]!, answers[7]!]] as const) {
    if (first.status === 200 || first.status === 402) expect(again).toEqual(first);
    expect(again.body?.error?.code).not.toBe('idempotency_key_in_use');
  }
  // One payment of the open invoice went through, whoever made it.
  expect((await proxy.call('user_past_due', 'GET', '/api/proxy/billing/invoices?limit=100')).body.invoices.find((i: { id: string }) => i.id === open.id).status).toBe('paid');
  const money = await countMoney(proxy.store);
  expect(money.orphans).toEqual([]);
  expect(money.pending).toEqual([]);
  for (const s of subjects) {
    expect({ s, paid: (await paidTotal(proxy.store, s)) - before.get(s)! }).toEqual({ s, paid: (money.charged.get(s) ?? 0) - (charged.get(s) ?? 0) });
  }
  for (const [s, n] of money.charged) charged.set(s, n);
  const changes = (await proxy.store.listPayments('user:user_pro', 100)).filter((p) => p.purpose === 'plan_change' && p.status === 'succeeded');
  expect(changes.length).toBeLessThanOrEqual(1);
}
const charged = new Map<string, number>();

/** Three rounds, each on a fresh proxy from `make`. */
async function threeRounds(make: () => Promise<Proxy>): Promise<void> {
  for (let round = 1; round <= 3; round++) {
    charged.clear();
    const proxy = await make();
    try {
      await race(proxy, round);
    } finally {
      await proxy.close();
    }
  }
}

describe('racing charges for one subject', () => {
  it('PGlite: changes, a checkout, pays and a retry at once charge each thing once (three rounds)', () => threeRounds(pgliteProxy), 120_000);
  it.skipIf(!postgresAvailable)('PostgreSQL: the same (three rounds)', () => threeRounds(postgresProxy), 180_000);
});
