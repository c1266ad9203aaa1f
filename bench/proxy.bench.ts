/**
 * `npm run bench`: throughput, latency and memory of the reference proxy against the
 * contract's budgets, beside a bare Hono hello-world measured in the same run, plus the
 * CLI's time to ready on an existing data folder.
 *
 * Env: BENCH_DURATION (seconds per target, default 10), BENCH_CONNECTIONS (default 20; usage
 * writes always use 50, as the budget is stated),
 * BENCH_PROFILE=1 writes a V8 CPU profile of the proxy process to $TMPDIR/billkit-bench-profiles/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const ROOT = resolve(import.meta.dirname, '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const WARMUP = 2;
const PROFILE = process.env.BENCH_PROFILE === '1';
const PROFILE_DIR = join(tmpdir(), 'billkit-bench-profiles');

/** The contract's budgets (CONTRACT.md §4). */
const BUDGET = { rps: 2000, p99Ms: 20, rssMb: 400, readyMs: 2000, usageRps: 2000, usageP99Ms: 50 };
const USAGE_CONNECTIONS = 50;

interface Running {
  child: ChildProcess;
  url: string;
  token?: string;
  apiKey?: string;
}

interface Measured {
  name: string;
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
  non2xx: number;
  errors: number;
}

// The built Node entry when there is one (what `npx billkit-proxy` runs), else the sources under tsx.
const BUILT = existsSync(join(ROOT, 'dist', 'server', 'index.js'));

/** Runs bench/benchServer.mjs in its own Node process. */
function benchServer(args: string[], options: { profile?: boolean } = {}): ChildProcess {
  const profile = options.profile ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const loader = BUILT ? [] : ['--import', 'tsx'];
  return spawn(process.execPath, [...profile, ...loader, join(ROOT, 'bench', 'benchServer.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, BENCH_SERVER_ENTRY: BUILT ? 'dist' : 'src' },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
}

/** Creates a data folder with the demo seed in a process of its own. */
async function prepareDataDir(dir: string): Promise<void> {
  const child = benchServer(['prepare', dir]);
  const code = await new Promise((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`preparing the data folder failed (exit ${code})`);
}

/** Starts bench/benchServer.mjs in its own Node process and waits for its URL. */
async function startServer(mode: 'proxy' | 'hello', dataDir?: string): Promise<Running> {
  const child = benchServer(dataDir ? [mode, dataDir] : [mode], { profile: PROFILE && mode === 'proxy' });
  const first = await new Promise<string>((done, fail) => {
    createInterface({ input: child.stdout! }).once('line', done);
    child.once('exit', (code) => fail(new Error(`${mode} server exited with ${code}`)));
  });
  return { child, ...(JSON.parse(first) as { url: string; token?: string; apiKey?: string }) };
}

function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise((done) => {
    child.once('message', (answer) => done(answer as T));
    child.send(message);
  });
}

async function stopServer(server: Running): Promise<void> {
  const exited = new Promise((done) => server.child.once('exit', done));
  server.child.send('stop');
  await exited;
}

async function load(name: string, url: string, token?: string, post?: { body: string; connections: number }): Promise<Measured> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const connections = post?.connections ?? CONNECTIONS;
  const request = post ? { method: 'POST' as const, body: post.body, headers: { ...headers, 'content-type': 'application/json' } } : { headers };
  await autocannon({ url, connections, duration: WARMUP, ...request });
  const result = await autocannon({ url, connections, duration: DURATION, ...request });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** The environment without settings that would take the CLI off its defaults. */
function cliEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['PORT', 'BILLKIT_JWT_SECRET', 'BILLKIT_JWKS_URL', 'DATABASE_URL', 'BILLKIT_WEBHOOK_URL', 'BILLKIT_DATA_DIR']) delete env[name];
  return env;
}

/** Spawns the CLI on `dataDir` and returns ms from spawn until it prints "ready" and GET /plans answers. */
async function timeCli(dataDir: string): Promise<{ readyMs: number; command: string; reported: string }> {
  const built = join(ROOT, 'dist', 'server', 'cli.js');
  const args = existsSync(built) ? [built] : ['--import', 'tsx', join(ROOT, 'src', 'server', 'cli.ts')];
  const command = existsSync(built) ? 'node dist/server/cli.js' : 'tsx src/server/cli.ts (run `npm run build` to time the built bin)';
  const started = performance.now();
  const child = spawn(process.execPath, [...args, '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: cliEnv(),
  });
  try {
    let reported = '';
    const url = await new Promise<string>((done, fail) => {
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        if (/ready in/.test(line)) reported = line.trim();
        const match = /URL:\s+(\S+)/.exec(line);
        if (match) done(match[1]!);
      });
      child.once('exit', (code) => fail(new Error(`CLI exited with ${code} before it was ready`)));
    });
    const response = await fetch(`${url}/api/proxy/billing/plans`);
    await response.arrayBuffer();
    return { readyMs: performance.now() - started, command, reported };
  } finally {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGINT');
    await exited;
  }
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

console.log(`Billkit proxy benchmark: ${DURATION} s per target after ${WARMUP} s warm-up, ${CONNECTIONS} connections, loopback`);
console.log(
  BUILT
    ? `proxy from dist/server (built ${statSync(join(ROOT, 'dist', 'server', 'index.js')).mtime.toISOString()}; run \`npm run build\` after changing src)\n`
    : 'proxy from src/server under tsx (no build found; `npm run build` first for figures without the TypeScript loader)\n',
);

const hello = await startServer('hello');
const helloResult = await load('Hono hello-world', `${hello.url}/`);
await stopServer(hello);

const proxyDir = await mkdtemp(join(tmpdir(), 'billkit-bench-'));
let subscription: Measured, plans: Measured, usageWrites: Measured, memory: { rss: number; peak: number }, idle: { rss: number; peak: number };
try {
  await prepareDataDir(proxyDir);
  const proxy = await startServer('proxy', proxyDir);
  idle = await ask<{ rss: number; peak: number }>(proxy.child, 'rss');
  subscription = await load('GET /subscription (user_pro)', `${proxy.url}/api/proxy/billing/subscription`, proxy.token);
  plans = await load('GET /plans', `${proxy.url}/api/proxy/billing/plans`, proxy.token);
  // One metered event per request, as an app's backend reports API calls (API key).
  usageWrites = await load(`POST /usage (${USAGE_CONNECTIONS} conns)`, `${proxy.url}/api/proxy/billing/usage`, proxy.apiKey, {
    body: JSON.stringify({ metric: 'api_calls', quantity: 1, subject: { user: 'user_pro' } }),
    connections: USAGE_CONNECTIONS,
  });
  memory = await ask<{ rss: number; peak: number }>(proxy.child, 'rss');
  await stopServer(proxy);
} finally {
  await rm(proxyDir, { recursive: true, force: true });
}

if (PROFILE) console.log(`CPU profile of the proxy process written to ${PROFILE_DIR}\n`);
const results = [helloResult, subscription, plans, usageWrites];
console.log('target                          req/s      p50     p97.5    p99   non-2xx  errors');
for (const r of results) {
  console.log(
    `${r.name.padEnd(30)} ${fmt(r.rps).padStart(7)} ${`${r.p50} ms`.padStart(8)} ${`${r.p97_5} ms`.padStart(8)} ${`${r.p99} ms`.padStart(7)} ${String(r.non2xx).padStart(8)} ${String(r.errors).padStart(7)}`,
  );
}
console.log(`\nproxy / hello-world throughput: GET /subscription ${fmt(subscription.rps / helloResult.rps, 2)}, GET /plans ${fmt(plans.rps / helloResult.rps, 2)}`);
console.log(
  `proxy memory (existing data folder): RSS ${fmt(idle.rss / 2 ** 20)} MB when started, ${fmt(memory.rss / 2 ** 20)} MB after the load, peak ${fmt(memory.peak / 2 ** 20)} MB`,
);

const dataDir = await mkdtemp(join(tmpdir(), 'billkit-bench-cli-'));
let cli: { readyMs: number; command: string; reported: string };
try {
  const created = await timeCli(dataDir);
  console.log(`\nCLI (${created.command}): first start on an empty data folder ${fmt(created.readyMs)} ms`);
  cli = await timeCli(dataDir);
  console.log(`CLI: ready on the existing data folder in ${fmt(cli.readyMs)} ms (spawn → "ready" printed and GET /plans answered; the CLI says "${cli.reported}")`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

const clean = subscription.non2xx === 0 && subscription.errors === 0;
console.log('\nBudgets (CONTRACT.md §4):');
console.log(`  ${verdict(subscription.rps >= BUDGET.rps && clean)}  GET /subscription ≥ ${fmt(BUDGET.rps)} req/s: ${fmt(subscription.rps)}${clean ? '' : ' (with non-2xx or errors!)'}`);
console.log(`  ${verdict(subscription.p99 < BUDGET.p99Ms)}  GET /subscription p99 < ${BUDGET.p99Ms} ms: ${subscription.p99} ms`);
const usageClean = usageWrites.non2xx === 0 && usageWrites.errors === 0;
console.log(`  ${verdict(usageWrites.rps >= BUDGET.usageRps && usageClean)}  POST /usage ≥ ${fmt(BUDGET.usageRps)} events/s at ${USAGE_CONNECTIONS} connections: ${fmt(usageWrites.rps)}${usageClean ? '' : ' (with non-2xx or errors!)'}`);
console.log(`  ${verdict(usageWrites.p99 < BUDGET.usageP99Ms)}  POST /usage p99 < ${BUDGET.usageP99Ms} ms: ${usageWrites.p99} ms`);
console.log(`  ${verdict(memory.peak < BUDGET.rssMb * 2 ** 20)}  proxy memory < ${BUDGET.rssMb} MB: peak RSS ${fmt(memory.peak / 2 ** 20)} MB`);
console.log(`  ${verdict(cli.readyMs < BUDGET.readyMs)}  CLI ready < ${fmt(BUDGET.readyMs)} ms on an existing data folder: ${fmt(cli.readyMs)} ms`);
