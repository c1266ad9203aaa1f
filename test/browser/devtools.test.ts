/**
 * `<BillingDevtools/>` in headless Chromium, against the REAL `billkit-proxy` process in
 * dev mode (its own data folder, so its dev clock moves for this file only): the test app
 * (test/browser/app, `?devtools=1`) with the components and the devtools loaded lazily.
 * Screenshots go to test-results/devtools/.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './chromium';
import { formatViolations, type AxeViolation } from './storyPage';

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src/server/cli.ts');
const SHOTS = join(ROOT, 'test-results/devtools');
const run = promisify(execFile);

let tmp: string;
let dataDir: string;
let proxy: ChildProcess | undefined;
let proxyLog = '';
let vite: ViteDevServer | undefined;
let appUrl: string;
let browser: Browser | undefined;

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

async function waitForProxy(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proxy?.exitCode !== null && proxy?.exitCode !== undefined) throw new Error(`billkit-proxy exited:\n${proxyLog}`);
    try {
      if ((await fetch(`${url}/api/proxy/billing/plans`)).status === 401) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`billkit-proxy did not answer within ${timeoutMs} ms:\n${proxyLog}`);
}

async function tokenFor(user: string): Promise<string> {
  const { stdout } = await run(TSX, [CLI, 'token', '--user', user, '--data-dir', dataDir], { cwd: ROOT, timeout: 30_000 });
  return stdout.trim();
}

async function axe(page: Page): Promise<AxeViolation[]> {
  const { createRequire } = await import('node:module');
  const { readFile } = await import('node:fs/promises');
  await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(
    `axe.run(document.querySelector('[data-billkit-component="devtools"]'), { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`,
  ) as Promise<AxeViolation[]>;
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  tmp = await mkdtemp(join(tmpdir(), 'billkit-devtools-'));
  dataDir = join(tmp, 'proxy');
  const proxyPort = await freePort();
  const proxyUrl = `http://127.0.0.1:${proxyPort}`;
  proxy = spawn(TSX, [CLI, '--port', String(proxyPort), '--host', '127.0.0.1', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '', BILLKIT_DATA_DIR: '' },
  });
  proxy.stdout!.on('data', (chunk: Buffer) => (proxyLog += chunk.toString()));
  proxy.stderr!.on('data', (chunk: Buffer) => (proxyLog += chunk.toString()));
  await waitForProxy(proxyUrl);

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
    server: { host: '127.0.0.1', port: appPort, strictPort: true, hmr: false, proxy: { '/api': proxyUrl, '/billing': proxyUrl } },
  });
  await vite.listen();
  appUrl = `http://127.0.0.1:${appPort}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await vite?.close().catch(() => undefined);
  if (proxy && proxy.exitCode === null) {
    const exited = new Promise((done) => proxy!.once('exit', done));
    proxy.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (proxy.exitCode === null) proxy.kill('SIGKILL');
  }
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('<BillingDevtools/> (real billkit-proxy in dev mode, headless Chromium)', () => {
  it("switches to user_trial, advances past its trial end (active, a new paid invoice), then a failing card and a period: past_due", async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && console.error(`[page] ${message.text()}`));
    try {
      await page.goto(`${appUrl}/?token=${await tokenFor('user_free')}&devtools=1`);
      const card = page.locator('[data-billkit-component="subscription-card"]');
      const invoices = page.locator('[data-billkit-component="invoice-list"]');
      await card.waitFor();

      // Keyboard: the toggle is reached and opened without a mouse.
      const toggle = page.getByRole('button', { name: 'Billing devtools' });
      await toggle.focus();
      await page.keyboard.press('Enter');
      const panel = page.getByRole('region', { name: 'Billkit devtools' });
      await panel.getByRole('tab', { name: 'Clock' }).waitFor();
      await expect.poll(() => panel.locator('[data-billkit-part="clock-now"]').getAttribute('datetime')).toMatch(/^\d{4}-/);

      await panel.getByRole('tab', { name: 'Subject' }).click();
      await panel.getByLabel('Demo subject').selectOption('user_trial');
      await panel.getByRole('button', { name: 'Switch', exact: true }).click();
      await expect.poll(() => panel.locator('[data-billkit-part="current-subject"]').textContent()).toBe('user_trial');
      await expect.poll(() => card.getAttribute('data-status')).toBe('trialing');
      const paidBefore = await invoices.locator('[data-status="paid"]').count();
      await page.screenshot({ path: join(SHOTS, '01-trialing.png') });

      await panel.getByRole('tab', { name: 'Clock' }).click();
      await panel.getByRole('button', { name: 'To trial end' }).click();
      await expect.poll(() => card.getAttribute('data-status')).toBe('active');
      await expect.poll(() => invoices.locator('[data-status="paid"]').count()).toBe(paidBefore + 1);
      const fired = panel.getByRole('list', { name: 'Events fired' });
      await expect.poll(() => fired.locator('[data-event-type="invoice.paid"]').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, '02-trial-ended-active.png') });

      await panel.getByRole('tab', { name: 'Payments' }).click();
      await panel.getByRole('button', { name: /Make charges fail/ }).click();
      await expect.poll(() => panel.locator('[data-billkit-part="card-on-file"]').textContent()).toContain('0341');
      await panel.getByRole('tab', { name: 'Clock' }).click();
      await panel.getByRole('button', { name: 'To period end' }).click();
      await expect.poll(() => card.getAttribute('data-status')).toBe('past_due');
      await expect.poll(() => invoices.locator('[data-status="open"]').count()).toBe(1);

      // The webhook events of user_trial, newest first: the failed renewal on top.
      await panel.getByRole('tab', { name: 'Events' }).click();
      const events = panel.locator('[data-billkit-part="webhook-event"]');
      await expect.poll(() => events.first().getAttribute('data-event-type')).toMatch(/^(subscription\.updated|invoice\.payment_failed)$/);
      expect(await events.count()).toBeGreaterThanOrEqual(5);
      await panel.getByRole('tab', { name: 'Cache' }).click();
      await expect.poll(() => panel.locator('[data-billkit-part="cached-query"]').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, '03-past-due.png') });

      const violations = await axe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      // Escape closes the panel and gives the focus back to the toggle.
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('[data-billkit-component="devtools"]').getAttribute('data-state')).toBe('closed');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-billkit-part'))).toBe('toggle');
      expect(errors).toEqual([]);
    } catch (error) {
      console.error(`page errors: ${errors.join('\n')}`);
      throw error;
    } finally {
      await context.close();
    }
  });
});
