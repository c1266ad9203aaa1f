import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyApp } from '../../../src/server/app';
import { loadOrCreateKeys } from '../../../src/server/keysFile';
import { initializeStore } from '../../../src/server/seed/initializeStore';
import { openPgliteStore } from '../../../src/server/store/openPgliteStore';
import { mintDevToken } from '../../../src/server/auth/mintDevToken';

// A checkout on a data folder survives closing and reopening it, and so do the keys.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'billkit-persist-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function open() {
  const keys = await loadOrCreateKeys(dir);
  const store = await openPgliteStore({ dataDir: join(dir, 'pgdata') });
  await initializeStore(store, { seed: 'demo' });
  const app = createProxyApp({ store, auth: { secret: keys.jwtSecret }, signingSecret: keys.signingSecret });
  const token = await mintDevToken({ secret: keys.jwtSecret, user: 'user_free' });
  const call = (path: string, init: RequestInit = {}) =>
    app.request(path, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers } });
  return { keys, store, app, call };
}

describe('restart persistence', () => {
  it('keeps a completed checkout, its invoice and the keys across a restart', async () => {
    const first = await open();
    const session = (await (
      await first.call('/api/proxy/billing/checkout', {
        method: 'POST',
        body: JSON.stringify({ price_id: 'price_pro_annual', success_url: 'https://a.example/ok', cancel_url: 'https://a.example/no', ui_mode: 'embedded' }),
      })
    ).json()) as { session_id: string; client_secret: string };
    const confirmed = await first.call(`/api/proxy/billing/checkout/${session.session_id}/confirm`, {
      method: 'POST',
      body: JSON.stringify({ client_secret: session.client_secret, card: { number: '4242424242424242', exp_month: 1, exp_year: 2099, cvc: '123' } }),
    });
    const { subscription } = (await confirmed.json()) as { subscription: { id: string } };
    await first.app.close();
    await first.store.close();

    const keysFile = join(dir, 'keys.json');
    expect((await stat(keysFile)).mode & 0o777).toBe(0o600);
    const second = await open();
    try {
      expect(second.keys).toEqual(first.keys);
      expect(JSON.parse(await readFile(keysFile, 'utf8'))).toEqual(first.keys);
      const again = (await (await second.call('/api/proxy/billing/subscription')).json()) as { subscription: { id: string; price: { id: string } } };
      expect(again.subscription.id).toBe(subscription.id);
      expect(again.subscription.price.id).toBe('price_pro_annual');
      const invoices = (await (await second.call('/api/proxy/billing/invoices')).json()) as { invoices: unknown[] };
      expect(invoices.invoices).toHaveLength(1);
      // The signed session id still verifies with the persisted signing key.
      const summary = await second.call(`/api/proxy/billing/checkout/${session.session_id}`);
      expect(((await summary.json()) as { status: string }).status).toBe('complete');
      // The demo seed was not written twice.
      const plans = (await (await second.call('/api/proxy/billing/plans')).json()) as { plans: unknown[] };
      expect(plans.plans).toHaveLength(3);
    } finally {
      await second.app.close();
      await second.store.close();
    }
  });
});
