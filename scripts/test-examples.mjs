#!/usr/bin/env node
// Builds and runs the example apps from the packed packages, as a new user would get them:
// `npm pack` of billkit and billkit-proxy, each example copied to a temp folder
// and installed from the tarballs WITHOUT the Stripe packages, production builds (Vite;
// Next.js with Turbopack and with --webpack), then the built Next app driven in Chromium:
// server HTML has formatMoney's output and the prefetched plans, pay with 4242 on the
// CheckoutForm, the SubscriptionCard turns active. Last, Next once more WITH the Stripe
// packages and the billkit/stripe opt-in: Stripe code must sit only in lazily loaded chunks.
//
// Needs `npm run build` first (CI runs it). Chromium: $BILLKIT_CHROMIUM or /usr/bin/chromium.
// Usage: node scripts/test-examples.mjs [--keep]
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const KEEP = process.argv.includes('--keep');
const STRIPE_PACKAGES = ['@stripe/stripe-js', '@stripe/react-stripe-js'];
/** Strings only the Stripe packages contain (Stripe.js's loader URL; react-stripe-js's context error). */
const STRIPE_MARKERS = ['js.stripe.com', '<Elements> provider'];

const started = Date.now();
const step = (message) => console.log(`[examples ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const run = (command, args, cwd, env = {}) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
const npm = (args, cwd) => run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], cwd);
function check(condition, message) {
  if (!condition) throw new Error(`FAILED: ${message}`);
  console.log(`  ok  ${message}`);
}

const work = mkdtempSync(join(tmpdir(), 'billkit-examples-'));
const children = new Set();
function cleanup() {
  for (const child of children) child.kill('SIGTERM');
  if (!KEEP) rmSync(work, { recursive: true, force: true });
}
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

/** Packs billkit and billkit-proxy into `work`; returns the tarball paths. */
function pack() {
  const packOne = (args) => join(work, JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work, ...args], ROOT))[0].filename);
  return { billkit: packOne([]), proxy: packOne(['-w', 'proxy']) };
}

/** A temp copy of examples/<name>, its billkit packages pointed at the tarballs, installed. */
function prepare(name, tarballs) {
  const dir = join(work, name);
  cpSync(join(ROOT, 'examples', name), dir, { recursive: true, filter: (src) => !/node_modules|\.next|dist$/.test(relative(ROOT, src)) });
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  pkg.dependencies.billkit = `file:${tarballs.billkit}`;
  if (pkg.dependencies['billkit-proxy']) pkg.dependencies['billkit-proxy'] = `file:${tarballs.proxy}`;
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  npm(['install'], dir);
  for (const stripe of STRIPE_PACKAGES) check(!existsSync(join(dir, 'node_modules', stripe)), `${name}: installed without ${stripe}`);
  return dir;
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

/** `next start` on a free port; resolves once it answers. */
async function startNext(dir) {
  const port = await freePort();
  const child = spawn(join(dir, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${output}`);
    try {
      await fetch(url);
      return { url, output: () => output, stop: () => (child.kill('SIGTERM'), children.delete(child)) };
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`next start did not answer:\n${output}`);
}

/** The JS files a page loads up front (its <script src>), fetched. */
async function initialScripts(url, html) {
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((m) => m[1]);
  return Promise.all(sources.map(async (src) => ({ src, text: await (await fetch(new URL(src, url))).text() })));
}

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}

async function drive(url) {
  const executablePath = process.env.BILLKIT_CHROMIUM || '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}/settings?user=user_example_${Date.now()}`);
    const card = page.locator('[data-billkit-component="subscription-card"]');
    await card.waitFor();
    const form = page.locator('[data-billkit-component="checkout-form"]');
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByLabel('Expiration date').fill('12 / 34');
    await page.getByLabel('Security code').fill('123');
    await page.getByLabel('Postal code').fill('10115');
    await page.getByRole('button', { name: 'Pay $29.00' }).click();
    await page.waitForFunction(() => document.querySelector('[data-billkit-component="checkout-form"]')?.getAttribute('data-state') === 'succeeded', null, { timeout: 30_000 });
    check((await form.getAttribute('data-state')) === 'succeeded', 'Chromium: the CheckoutForm paid with 4242 4242 4242 4242');
    await page.waitForFunction(() => document.querySelector('[data-billkit-component="subscription-card"]')?.getAttribute('data-status') === 'active', null, { timeout: 30_000 });
    check((await card.getAttribute('data-status')) === 'active', 'Chromium: the SubscriptionCard turned active');
    check(errors.length === 0, `Chromium: no page errors${errors.length ? `: ${errors.join('; ')}` : ''}`);
  } finally {
    await browser.close();
  }
}

try {
  step('packing billkit and billkit-proxy');
  const tarballs = pack();

  step('examples/vite: install (no Stripe packages) and vite build');
  const vite = prepare('vite', tarballs);
  npm(['run', 'build'], vite);
  const viteJs = filesUnder(join(vite, 'dist')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(f, 'utf8')).join('\n');
  check(viteJs.includes('data-billkit-component') || viteJs.includes('billkit'), 'vite: the build contains Billkit');
  check(!STRIPE_MARKERS.some((m) => viteJs.includes(m)), 'vite: the build contains no Stripe code');

  step('examples/nextjs: install (no Stripe packages)');
  const next = prepare('nextjs', tarballs);

  step('examples/nextjs: next build --webpack');
  run('npx', ['next', 'build', '--webpack'], next);
  check(true, 'next build --webpack passed without the Stripe packages');

  step('examples/nextjs: next build (Turbopack)');
  run('npx', ['next', 'build'], next);
  check(true, 'next build (Turbopack) passed without the Stripe packages');

  step('examples/nextjs: next start, server HTML, Chromium');
  const server = await startNext(next);
  try {
    const response = await fetch(`${server.url}/settings?user=user_free`);
    const html = await response.text();
    // React separates text from expressions with <!-- --> in server HTML.
    const text = html.replaceAll('<!-- -->', '');
    check(response.status === 200, response.status === 200 ? 'GET /settings answers 200' : `GET /settings answers ${response.status}: ${server.output().slice(-2000)}`);
    check(text.includes('Pro starts at $29.00 a month.'), 'server component rendered formatMoney(2900, "usd", "en-US")');
    check(text.includes('data-billkit-component="pricing-table" data-state="ready"') && text.includes('>Starter<') && text.includes('>Pro<'), 'server HTML has the prefetched PricingTable with the plan names');
    const plans = await fetch(`${server.url}/api/proxy/billing/plans`);
    check(plans.status === 401, 'the proxy answers in the route handler (401 without a token)');
    await drive(server.url);
  } finally {
    server.stop();
  }

  step('examples/nextjs: WITH the Stripe packages and the billkit/stripe opt-in, next build (Turbopack)');
  npm(['install', ...STRIPE_PACKAGES], next);
  writeFileSync(join(next, 'app/settings/stripe.ts'), "import { stripeIntegration } from 'billkit/stripe';\n\nexport const stripe = stripeIntegration();\n");
  run('npx', ['next', 'build'], next);
  const chunks = filesUnder(join(next, '.next/static')).filter((f) => f.endsWith('.js'));
  const withStripe = chunks.filter((f) => STRIPE_MARKERS.some((m) => readFileSync(f, 'utf8').includes(m)));
  check(withStripe.length > 0, `Stripe code is in the build (${withStripe.length} chunk(s))`);
  const stripeServer = await startNext(next);
  try {
    const html = await (await fetch(`${stripeServer.url}/settings?user=user_free`)).text();
    const scripts = await initialScripts(stripeServer.url, html);
    check(scripts.length > 0, `the settings page loads ${scripts.length} scripts up front`);
    const eager = scripts.filter(({ text }) => STRIPE_MARKERS.some((m) => text.includes(m))).map(({ src }) => src);
    check(eager.length === 0, `no script the page loads up front contains Stripe code${eager.length ? `: ${eager.join(', ')}` : ''}`);
  } finally {
    stripeServer.stop();
  }
  step('all examples passed');
} catch (error) {
  console.error(error.stderr || error.stdout ? `${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}` : error);
  process.exitCode = 1;
} finally {
  cleanup();
}
