/**
 * A server the benchmark drives, run in its own process so the load generator does not
 * share its event loop:
 * - `prepare <dir>`: creates an embedded store in `<dir>` with the demo seed, then exits
 *   (PGlite's first initialisation is a one-off that costs ~800 MB; a running proxy
 *   reopens an existing folder, as the CLI does);
 * - `proxy <dir>`: the reference proxy on that existing store;
 * - `hello`: a bare Hono hello-world on @hono/node-server.
 * Prints one JSON line `{ url, token?, apiKey? }` when listening; answers `'rss'` IPC messages with
 * its current and peak resident memory.
 *
 * Plain JavaScript so it can run on plain Node against the built `dist/server/index.js`
 * (BENCH_SERVER_ENTRY=dist): a TypeScript loader in the process would add ~70 MB of RSS
 * and CPU that the proxy does not have in production. Without a build it runs under
 * tsx against `src/server/index.ts`.
 */
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const entry = process.env.BENCH_SERVER_ENTRY === 'dist' ? '../dist/server/index.js' : '../src/server/index.ts';
const { mintDevToken, openPgliteStore, seedDemo, startProxyServer } = await import(entry);

const mode = process.argv[2];
/** @type {() => Promise<void>} */
let close;

const secret = 'billkit-bench-jwt-secret';

if (mode === 'prepare') {
  const store = await openPgliteStore({ dataDir: join(process.argv[3], 'pgdata') });
  await seedDemo(store);
  await store.close();
  process.exit(0);
} else if (mode === 'proxy') {
  const store = await openPgliteStore({ dataDir: join(process.argv[3], 'pgdata') });
  const apiKey = 'billkit-bench-api-key';
  const server = await startProxyServer({ store, auth: { secret }, signingSecret: 'billkit-bench-signing-secret', apiKey, port: 0, hostname: '127.0.0.1' });
  const token = await mintDevToken({ secret, user: 'user_pro' });
  close = () => server.close();
  process.stdout.write(`${JSON.stringify({ url: server.url, token, apiKey })}\n`);
} else if (mode === 'hello') {
  const app = new Hono().get('/', (c) => c.text('Hello Hono!'));
  const url = await new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(`http://127.0.0.1:${info.port}`));
    close = () => new Promise((done) => server.close(() => done(undefined)));
  });
  process.stdout.write(`${JSON.stringify({ url })}\n`);
} else {
  throw new Error(`usage: benchServer.ts prepare <dir> | proxy <dir> | hello (got ${mode})`);
}

process.on('message', async (message) => {
  if (message === 'rss') {
    // With --expose-gc, what is still referenced rather than garbage not collected yet.
    globalThis.gc?.();
    process.send?.({ ...process.memoryUsage(), peak: process.resourceUsage().maxRSS * 1024 });
  } else if (message === 'stop') {
    await close();
    process.exit(0);
  }
});
