/**
 * The world of the end-to-end browser tests: the REAL `billkit-proxy` process (spawned
 * with tsx on a free port, with a temp data folder of its own), the test app
 * (test/browser/app) served by Vite with `/api` and `/billing` proxied to it (one origin,
 * as behind an app's own reverse proxy), and a headless Chromium. One per test file.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { launchBrowser } from '../browser/chromium';

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src/server/cli.ts');
const run = promisify(execFile);

/** A running proxy + app + browser, and how to reach them. */
export interface BrowserApp {
  /** The Vite-served test app; the proxy answers on the same origin under `/api` and `/billing`. */
  appUrl: string;
  proxyUrl: string;
  /** The proxy's data folder (the CLI's `--data-dir`). */
  dataDir: string;
  browser: Browser;
  /** `billkit-proxy token --user … [--org …]` against the proxy's data folder. */
  tokenFor(user: string, org?: string): Promise<string>;
  /** Stops the browser, Vite and the proxy (SIGTERM, then SIGKILL after 5 s) and removes the temp folder. */
  close(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (the OS picks it; the listener is closed again). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createNetServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Resolves once the proxy prints that it is ready (it listens from then on); rejects if it exits first. */
function waitForProxy(proxy: ChildProcess, log: () => string, timeoutMs = 60_000): Promise<void> {
  return new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`billkit-proxy was not ready within ${timeoutMs} ms:\n${log()}`)), timeoutMs);
    const onData = () => {
      if (!log().includes('billkit-proxy ready in')) return;
      clearTimeout(timer);
      proxy.stdout!.off('data', onData);
      ready();
    };
    proxy.stdout!.on('data', onData);
    proxy.once('exit', () => {
      clearTimeout(timer);
      fail(new Error(`billkit-proxy exited:\n${log()}`));
    });
    onData();
  });
}

/**
 * Starts the proxy (dev mode, its own data folder, so a dev-clock move stays in this
 * file), the test app and Chromium. `name` names the temp folder (`billkit-<name>-…`).
 */
export async function startBrowserApp(name: string): Promise<BrowserApp> {
  const tmp = await mkdtemp(join(tmpdir(), `billkit-${name}-`));
  const dataDir = join(tmp, 'proxy');
  let proxyLog = '';
  let proxy: ChildProcess | undefined;
  let vite: ViteDevServer | undefined;
  let browser: Browser | undefined;

  const close = async () => {
    await browser?.close().catch(() => undefined);
    await vite?.close().catch(() => undefined);
    if (proxy && proxy.exitCode === null) {
      const exited = new Promise((done) => proxy!.once('exit', done));
      proxy.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (proxy.exitCode === null) proxy.kill('SIGKILL');
    }
    await rm(tmp, { recursive: true, force: true });
  };

  try {
    const proxyPort = await freePort();
    const proxyUrl = `http://127.0.0.1:${proxyPort}`;
    proxy = spawn(TSX, [CLI, '--port', String(proxyPort), '--host', '127.0.0.1', '--data-dir', dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: '', BILLKIT_DATA_DIR: '' },
    });
    proxy.stdout!.on('data', (chunk: Buffer) => (proxyLog += chunk.toString()));
    proxy.stderr!.on('data', (chunk: Buffer) => (proxyLog += chunk.toString()));
    await waitForProxy(proxy, () => proxyLog);

    const appPort = await freePort();
    vite = await createServer({
      configFile: false,
      root: join(ROOT, 'test/browser/app'),
      cacheDir: join(tmp, 'vite-cache'),
      plugins: [react(), tailwindcss()],
      logLevel: 'error',
      clearScreen: false,
      optimizeDeps: {
        include: ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom/client', '@tanstack/react-query', '@radix-ui/react-dialog', '@radix-ui/react-tabs'],
      },
      // The app and the proxy share an origin, as behind an app's own reverse proxy.
      server: { host: '127.0.0.1', port: appPort, strictPort: true, hmr: false, proxy: { '/api': proxyUrl, '/billing': proxyUrl } },
    });
    await vite.listen();
    browser = await launchBrowser();
    return {
      appUrl: `http://127.0.0.1:${appPort}`,
      proxyUrl,
      dataDir,
      browser,
      async tokenFor(user, org) {
        const args = [CLI, 'token', '--user', user, ...(org ? ['--org', org] : []), '--data-dir', dataDir];
        const { stdout } = await run(TSX, args, { cwd: ROOT, timeout: 30_000 });
        return stdout.trim();
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
