import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyApp } from '../../../src/server/app';
import { mintDevToken } from '../../../src/server/auth/mintDevToken';
import { openPgliteStore, type PgliteStore } from '../../../src/server/store/openPgliteStore';
import { seedDemo } from '../../../src/server/seed/demo';

// Real identity providers: tokens signed with RS256 / ES256 keys published as a JWKS.
let jwks: Server;
let jwksUrl: string;
let store: PgliteStore;
const keys: Record<string, CryptoKey> = {};

beforeAll(async () => {
  const rs = await generateKeyPair('RS256');
  const es = await generateKeyPair('ES256');
  keys.RS256 = rs.privateKey;
  keys.ES256 = es.privateKey;
  const body = JSON.stringify({
    keys: [
      { ...(await exportJWK(rs.publicKey)), kid: 'rs', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(es.publicKey)), kid: 'es', alg: 'ES256', use: 'sig' },
    ],
  });
  jwks = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(body));
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
  store = await openPgliteStore();
  await seedDemo(store);
});
afterAll(async () => {
  await store.close();
  await new Promise<void>((resolve) => jwks.close(() => resolve()));
});

const sign = (alg: 'RS256' | 'ES256', claims: Record<string, unknown>, sub: string) =>
  new SignJWT(claims).setProtectedHeader({ alg, kid: alg === 'RS256' ? 'rs' : 'es' }).setSubject(sub).setIssuedAt().setExpirationTime('5m').sign(keys[alg]!);

describe('--jwks-url authentication', () => {
  it.each(['RS256', 'ES256'] as const)('accepts %s tokens from the JWKS and bills org_id when present', async (alg) => {
    const app = createProxyApp({ store, auth: { jwksUrl }, signingSecret: 's' });
    const user = await app.request('/api/proxy/billing/subscription', { headers: { Authorization: `Bearer ${await sign(alg, {}, 'user_pro')}` } });
    expect(user.status).toBe(200);
    expect(((await user.json()) as { subscription: { id: string } }).subscription.id).toBe('sub_demo_pro');
    const org = await app.request('/api/proxy/billing/subscription', {
      headers: { Authorization: `Bearer ${await sign(alg, { org_id: 'org_acme' }, 'user_pro')}` },
    });
    expect(await org.json()).toEqual({ subscription: null });
  });

  it('refuses HS256 dev tokens when a JWKS is configured', async () => {
    const app = createProxyApp({ store, auth: { jwksUrl }, signingSecret: 's' });
    const token = await mintDevToken({ secret: 'anything', user: 'user_pro' });
    expect((await app.request('/api/proxy/billing/plans', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('refuses a token without sub', async () => {
    const app = createProxyApp({ store, auth: { jwksUrl }, signingSecret: 's' });
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: 'es' }).setExpirationTime('5m').sign(keys.ES256!);
    expect((await app.request('/api/proxy/billing/plans', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});

describe('--jwks-url with --dev-clock', () => {
  it("honours the operator claim only from the proxy's own dev key, never from the identity provider's token", async () => {
    const app = createProxyApp({ store, auth: { jwksUrl }, signingSecret: 's', devClock: true, operatorKey: 'data-folder-key', lifecycle: { timer: false } });
    try {
      const clock = async (token: string) => (await app.request('/api/dev/clock', { headers: { Authorization: `Bearer ${token}` } })).status;
      // The identity provider's token, claim and all, is a customer's: the dev clock is a 404 to it.
      expect(await clock(await sign('RS256', { billkit_dev: 'operator' }, 'user_free'))).toBe(404);
      expect(await clock(await sign('ES256', {}, 'user_free'))).toBe(404);
      // A dev-key token without the claim is nobody; with it, the CLI's operator token.
      expect(await clock(await mintDevToken({ secret: 'data-folder-key', user: 'billkit_cli' }))).toBe(404);
      expect(await clock(await mintDevToken({ secret: 'data-folder-key', user: 'billkit_cli', operator: true }))).toBe(200);
      // The dev key signs no session token of the billing API.
      const asOperator = await mintDevToken({ secret: 'data-folder-key', user: 'user_pro', operator: true });
      expect((await app.request('/api/proxy/billing/subscription', { headers: { Authorization: `Bearer ${asOperator}` } })).status).toBe(401);
    } finally {
      await app.close();
    }
  });
});

describe('HS256 secret', () => {
  it('refuses an empty secret when the app is built, not with an unhandled rejection later', () => {
    expect(() => createProxyApp({ store, auth: { secret: '' }, signingSecret: 's' })).toThrow(/auth\.secret must be a non-empty string/);
  });
});
