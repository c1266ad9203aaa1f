import { createProxyApp, initializeStore, mintDevToken, openPgliteStore, type ProxyApp } from 'billkit/server';

/** The dev secret of this example: in a real app, verify your identity provider's tokens (`auth: { jwksUrl }`). */
const SECRET = process.env.BILLKIT_JWT_SECRET ?? 'billkit-example-dev-secret';
const SIGNING_SECRET = process.env.BILLKIT_SIGNING_SECRET ?? 'billkit-example-signing-secret';

let proxy: Promise<ProxyApp> | undefined;

/**
 * The reference proxy, mounted inside this Next.js app (one per server process): an
 * embedded database in memory with the demo seed, the built-in test processor.
 * Set BILLKIT_DATA_DIR to keep the data across restarts.
 */
export function getProxy(): Promise<ProxyApp> {
  proxy ??= (async () => {
    const store = await openPgliteStore(process.env.BILLKIT_DATA_DIR ? { dataDir: process.env.BILLKIT_DATA_DIR } : {});
    await initializeStore(store, { seed: 'demo' });
    return createProxyApp({ store, auth: { secret: SECRET }, signingSecret: SIGNING_SECRET, devMode: true });
  })();
  return proxy;
}

/** A dev session token for `user`, minted on the server (stand-in for your auth's session token). */
export function tokenFor(user: string): Promise<string> {
  return mintDevToken({ secret: SECRET, user });
}
