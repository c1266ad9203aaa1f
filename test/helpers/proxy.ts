/**
 * The reference proxy for tests, in process: the real app over a real PGlite store,
 * cloned from a migrated (and seeded) template made once per test process, so each
 * `startTestProxy()` costs ~0.5 s instead of a full database init. Works in Node and in
 * vitest's jsdom environment.
 */
import { createProxyApp, type ProxyApp, type ProxyAppOptions } from '../../src/server/app';
import { mintDevToken } from '../../src/server/auth/mintDevToken';
import { seedDemo } from '../../src/server/seed/demo';
import type { Store } from '../../src/server/store/Store';
import { openPgliteStore, type PgliteStore, type PgliteStoreOptions } from '../../src/server/store/openPgliteStore';

export interface TestProxy {
  /** The real app. */
  app: ProxyApp;
  /** Forwards to `app.fetch`; relative URLs are resolved against `origin`. */
  fetch: typeof fetch;
  /** `http://billkit.test` */
  origin: string;
  /** `http://billkit.test/api/proxy/billing` */
  baseUrl: string;
  /**
   * A valid dev session token for a subject (`org` makes the org the billed subject);
   * `operator` makes `billkit-proxy clock`'s token: the operator claim, signed with the proxy's dev key
   * (the dev clock lists every subject's events).
   */
  tokenFor(user: string, org?: string, operator?: boolean): Promise<string>;
  store: Store;
  /** Stops webhook delivery and closes the database. */
  close(): Promise<void>;
}

export interface TestProxyOptions {
  /** `demo` (default): the contract's demo seed. `none`: only the schema. */
  seed?: 'demo' | 'none';
  /** Fixed clock; the demo seed is written relative to it. */
  now?: () => Date;
  /** Keep the database in this folder (restart tests); in memory otherwise. */
  dataDir?: string;
  webhook?: ProxyAppOptions['webhook'];
  apiKey?: string;
  allowedOrigins?: string[];
  /** `POST /usage` with user tokens; on by default as in `npm run dev`. */
  devMode?: boolean;
  /**
   * The dev clock without dev mode, as `--dev-clock` beside a real secret: then only the API
   * key and operator tokens (`tokenFor(…, true)`, signed with `TEST_SECRETS.devKey`) reach it.
   */
  devClock?: boolean;
  /** Payment processor; the built-in test processor by default. */
  processor?: ProxyAppOptions['processor'];
  /** A processor made over the test proxy's store (e.g. a slow test processor keeping its ledger there). */
  processorFor?: (store: Store) => NonNullable<ProxyAppOptions['processor']>;
  processorJobs?: ProxyAppOptions['processorJobs'];
  /** Lifecycle engine settings (dunning schedule, scheduler timer). */
  lifecycle?: ProxyAppOptions['lifecycle'];
}

/** The fixed secrets test proxies use. */
export const TEST_SECRETS = {
  /** The session-token secret: the dev key in dev mode, the "real" --jwt-secret otherwise. */
  jwt: 'billkit-test-jwt-secret',
  signing: 'billkit-test-signing-secret',
  /** The proxy's own dev key outside dev mode (the CLI's data folder key), which signs operator tokens. */
  devKey: 'billkit-test-data-folder-key',
} as const;

export const TEST_ORIGIN = 'http://billkit.test';

const templates = new Map<string, Promise<Blob | File>>();

/**
 * PGlite picks its way of loading its wasm and data bundle by sniffing the environment;
 * under jsdom it takes Node for a browser and tries to fetch them by URL. Handing it the
 * files read from node_modules makes it work in both.
 */
let pgliteAssets: Promise<PgliteStoreOptions['pglite']> | undefined;
function loadPgliteAssets(): Promise<PgliteStoreOptions['pglite']> {
  pgliteAssets ??= (async () => {
    if (typeof window === 'undefined') return {};
    const { readFile } = await import('node:fs/promises');
    const { createRequire } = await import('node:module');
    const { dirname, join } = await import('node:path');
    const require = createRequire(import.meta.url);
    const dist = dirname(require.resolve('@electric-sql/pglite'));
    const [wasm, initdb, data] = await Promise.all([
      readFile(join(dist, 'pglite.wasm')),
      readFile(join(dist, 'initdb.wasm')),
      readFile(join(dist, 'pglite.data')),
    ]);
    return {
      pgliteWasmModule: await WebAssembly.compile(wasm),
      initdbWasmModule: await WebAssembly.compile(initdb),
      fsBundle: new Blob([data]),
    };
  })();
  return pgliteAssets;
}

function template(seed: 'demo' | 'none', now: (() => Date) | undefined): Promise<Blob | File> {
  const seedNow = now ? now() : new Date();
  const key = `${seed}:${now ? seedNow.toISOString() : 'wall'}`;
  let dump = templates.get(key);
  if (!dump) {
    dump = (async () => {
      const store = await openPgliteStore({ pglite: await loadPgliteAssets() });
      try {
        if (seed === 'demo') await seedDemo(store, { now: seedNow });
        return await store.dump();
      } finally {
        await store.close();
      }
    })();
    templates.set(key, dump);
  }
  return dump;
}

/** Starts an in-process reference proxy over a fresh copy of the (demo-seeded) database. */
export async function startTestProxy(options: TestProxyOptions = {}): Promise<TestProxy> {
  const seed = options.seed ?? 'demo';
  // A data folder that already holds a database is reopened as it is (restart tests).
  const existing = options.dataDir ? (await import('node:fs')).existsSync(`${options.dataDir}/PG_VERSION`) : false;
  const store: PgliteStore = await openPgliteStore({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(existing ? {} : { loadDataDir: await template(seed, options.now) }),
    pglite: await loadPgliteAssets(),
  });
  const devMode = options.devMode ?? true;
  // As the CLI: in dev mode the session-token key is the dev key; otherwise the data folder's key is another.
  const operatorKey = devMode ? TEST_SECRETS.jwt : TEST_SECRETS.devKey;
  const app: ProxyApp = createProxyApp({
    store,
    auth: { secret: TEST_SECRETS.jwt },
    signingSecret: TEST_SECRETS.signing,
    devMode,
    operatorKey,
    ...(options.devClock !== undefined ? { devClock: options.devClock } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.webhook ? { webhook: options.webhook } : {}),
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
    ...(options.processor ? { processor: options.processor } : {}),
    ...(options.processorFor ? { processor: options.processorFor(store) } : {}),
    ...(options.processorJobs ? { processorJobs: options.processorJobs } : {}),
    ...(options.lifecycle ? { lifecycle: options.lifecycle } : {}),
  });
  app.webhooks?.start();
  const proxyFetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const request =
      input instanceof Request ? new Request(input, init) : new Request(new URL(String(input), TEST_ORIGIN), init);
    return Promise.resolve(app.fetch(request));
  }) as typeof fetch;
  return {
    app,
    fetch: proxyFetch,
    origin: TEST_ORIGIN,
    baseUrl: `${TEST_ORIGIN}/api/proxy/billing`,
    tokenFor: (user, org, operator) =>
      mintDevToken({ secret: operator ? operatorKey : TEST_SECRETS.jwt, user, ...(org ? { org } : {}), ...(operator ? { operator } : {}), ...(options.now ? { now: options.now() } : {}) }),
    store,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
