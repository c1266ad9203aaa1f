import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyApp, type ProxyApp } from '../../../src/server/app';
import { mintDevToken } from '../../../src/server/auth/mintDevToken';
import { initializeStore } from '../../../src/server/seed/initializeStore';
import type { Store } from '../../../src/server/store/Store';
import { openPostgresStore } from '../../../src/server/store/openPostgresStore';
import { postgresAvailable, startPostgresCluster, type PostgresCluster } from '../../helpers/postgresCluster';

// The same store SQL on a real PostgreSQL server (a throw-away cluster), when this
// machine has one installed. Set BILLKIT_TEST_DATABASE_URL to use an existing server.
const available = postgresAvailable;
// CI installs PostgreSQL (.ci/run) and sets BILLKIT_REQUIRE_POSTGRES, so there a missing
// server fails the suite instead of skipping it.
if (!available && process.env.BILLKIT_REQUIRE_POSTGRES) {
  throw new Error('BILLKIT_REQUIRE_POSTGRES is set but no PostgreSQL (initdb and pg_ctl: BILLKIT_PG_BIN, /usr/lib/postgresql/*/bin or $PATH) was found and no BILLKIT_TEST_DATABASE_URL given.');
}

describe.skipIf(!available)('PostgreSQL store', () => {
  let cluster: PostgresCluster | undefined;
  let store: Store;
  let app: ProxyApp;
  const secret = 'pg-test-secret';

  beforeAll(async () => {
    // postgres refuses to run as root: the cluster belongs to the postgres user.
    cluster = await startPostgresCluster('pg');
    const url = cluster.url;
    store = await openPostgresStore(url);
    await initializeStore(store, { seed: 'demo' });
    // A second open must find the schema migrated and the demo already there.
    const again = await openPostgresStore(url);
    expect((await initializeStore(again, { seed: 'demo' })).isNew).toBe(false);
    await again.close();
    app = createProxyApp({ store, auth: { secret }, signingSecret: 'pg-signing' });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await store?.close();
    cluster?.stop();
  });

  const call = async (user: string, path: string, body?: unknown) => {
    const token = await mintDevToken({ secret, user });
    const res = await app.request(`/api/proxy/billing${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('serves the demo: plans, subscription, usage, paginated invoices', async () => {
    expect((await call('user_free', '/plans')).body.plans.map((p: { id: string }) => p.id)).toEqual(['plan_starter', 'plan_pro', 'plan_team']);
    expect((await call('user_pro', '/subscription')).body.subscription).toMatchObject({ id: 'sub_demo_pro', status: 'active', price: { currency: 'usd' } });
    expect((await call('user_pro', '/usage?metric=api_calls')).body).toMatchObject({ quantity: 8423, limit: 10000 });
    const first = (await call('user_pro', '/invoices')).body;
    expect(first.invoices).toHaveLength(10);
    const second = (await call('user_pro', `/invoices?starting_after=${first.invoices[9].id}`)).body;
    expect(second).toMatchObject({ has_more: false });
    expect(second.invoices).toHaveLength(4);
  });

  it('checks out, cancels and resumes in transactions', async () => {
    const { body: session } = await call('user_free', '/checkout', {
      price_id: 'price_pro_monthly',
      success_url: 'https://a.example/ok',
      cancel_url: 'https://a.example/no',
      promotion_code: 'TENOFF',
      ui_mode: 'embedded',
    });
    const paid = await call('user_free', `/checkout/${session.session_id}/confirm`, {
      client_secret: session.client_secret,
      card: { number: '4242424242424242', exp_month: 12, exp_year: 2099, cvc: '123' },
    });
    expect(paid.body.status).toBe('succeeded');
    expect((await call('user_free', '/invoices')).body.invoices[0]).toMatchObject({ amount_due: 1900, status: 'paid' });
    expect((await call('user_free', '/subscription/cancel', { at_period_end: true })).body.subscription.cancel_at_period_end).toBe(true);
    expect((await call('user_free', '/subscription/resume', {})).body.subscription.cancel_at_period_end).toBe(false);
    expect((await call('user_free', '/entitlements')).body.plan).toBe('pro');
  });

  it('claims due outbox rows once (for update skip locked, leased) and marks them done', async () => {
    const at = new Date();
    const lease = new Date(at.getTime() + 60_000);
    await store.transaction(async (tx) => {
      for (const id of ['evt_pg_1', 'evt_pg_2']) {
        await tx.enqueueWebhookEvent({ id, type: 'subscription.updated', subject: null, payload: JSON.stringify({ id, type: 'subscription.updated' }), created_at: at, next_attempt_at: at });
      }
    });
    // Two claims at once, as two workers would: each row goes to exactly one of them.
    const now = new Date();
    const [a, b] = await Promise.all([
      store.claimOutbox(['webhook', 'cancel_subscription'], now, 1, lease),
      store.claimOutbox(['webhook', 'cancel_subscription'], now, 1, lease),
    ]);
    const claimed = [...a, ...b].map((r) => r.id).sort();
    expect(claimed).toEqual(['evt_pg_1', 'evt_pg_2']);
    // Leased: not due again before the lease ends.
    expect(await store.claimOutbox(['webhook'], now, 10, lease)).toEqual([]);
    for (const id of claimed) await store.markOutboxDone(id, new Date());
    expect(await store.countPendingWebhookEvents()).toBe(0);
  });
});
