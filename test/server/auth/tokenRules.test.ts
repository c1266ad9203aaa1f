import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyApp } from '../../../src/server/app';
import { jwtHmacKey } from '../../../src/server/crypto/hmac';
import { startProxyServer, type ProxyServer } from '../../../src/server/startProxyServer';
import { openPgliteStore } from '../../../src/server/store/openPgliteStore';
import { startTestProxy, TEST_SECRETS, type TestProxy } from '../../helpers/proxy';
import { errorBody } from '../../helpers/http';

// Tokens without exp were once accepted forever, a non-string org_id was
// silently ignored, and headers over 16 kB got Node's bare 431 without a JSON body.
let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(() => proxy.close());

const nowSec = () => Math.floor(Date.now() / 1000);
async function token(claims: Record<string, unknown>, options: { exp?: number; iat?: number } = {}) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('user_pro');
  if (options.iat !== undefined) jwt.setIssuedAt(options.iat);
  if (options.exp !== undefined) jwt.setExpirationTime(options.exp);
  return jwt.sign(await jwtHmacKey(TEST_SECRETS.jwt));
}
const subscriptionStatus = async (app: { request: (path: string, init: RequestInit) => Response | Promise<Response> }, jwt: string) =>
  (await app.request('/api/proxy/billing/subscription', { headers: { Authorization: `Bearer ${jwt}` } })).status;

describe('session tokens without exp', () => {
  it('are refused by default (401), with or without iat', async () => {
    expect(await subscriptionStatus(proxy.app, await token({}))).toBe(401);
    expect(await subscriptionStatus(proxy.app, await token({}, { iat: nowSec() }))).toBe(401);
    expect(await subscriptionStatus(proxy.app, await token({}, { iat: nowSec(), exp: nowSec() + 60 }))).toBe(200);
  });

  it('are accepted for maxTokenAge seconds after iat when configured, never without iat', async () => {
    const app = createProxyApp({ store: proxy.store, auth: { secret: TEST_SECRETS.jwt, maxTokenAge: 3600 }, signingSecret: TEST_SECRETS.signing });
    expect(await subscriptionStatus(app, await token({}, { iat: nowSec() - 60 }))).toBe(200);
    expect(await subscriptionStatus(app, await token({}, { iat: nowSec() - 3601 }))).toBe(401);
    expect(await subscriptionStatus(app, await token({}))).toBe(401);
    // iat from the future beyond clock skew
    expect(await subscriptionStatus(app, await token({}, { iat: nowSec() + 3000 }))).toBe(401);
    // exp, when present, still decides
    expect(await subscriptionStatus(app, await token({}, { iat: nowSec(), exp: nowSec() - 10 }))).toBe(401);
  });

  it('refuses a maxTokenAge that is not a positive number when the app is built', () => {
    expect(() => createProxyApp({ store: proxy.store, auth: { secret: TEST_SECRETS.jwt, maxTokenAge: 0 }, signingSecret: 's' })).toThrow(/maxTokenAge/);
  });
});

describe('oversized request headers', () => {
  let server: ProxyServer;
  beforeAll(async () => {
    server = await startProxyServer({ store: await openPgliteStore(), auth: { secret: TEST_SECRETS.jwt }, signingSecret: TEST_SECRETS.signing, port: 0 });
  });
  afterAll(() => server.close());

  it('get a JSON 431 in the documented error format', async () => {
    const res = await fetch(`${server.url}/api/proxy/billing/plans`, { headers: { 'X-Padding': 'x'.repeat(20_000) } });
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(errorBody('headers_too_large'));
  });

  it('while headers under the limit are served', async () => {
    const res = await fetch(`${server.url}/api/proxy/billing/plans`, { headers: { 'X-Padding': 'x'.repeat(8_000) } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(errorBody('unauthorized'));
  });
});
