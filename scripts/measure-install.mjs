#!/usr/bin/env node
// Measures what installing `billkit` adds to a fresh front-end app's node_modules
// (CONTRACT §1: at most 15 MB; the proxy's server dependencies live in `billkit-proxy`).
// Packs the built package (run `npm run build` first), installs a React + TanStack Query
// app without and then with the tarball, and compares `du` of node_modules.
// Usage: node scripts/measure-install.mjs [--limit-mb 15]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const limitArg = process.argv.indexOf('--limit-mb');
const LIMIT_MB = limitArg > 0 ? Number(process.argv[limitArg + 1]) : 15;
const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const duKiB = (dir) => Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]);

const work = mkdtempSync(join(tmpdir(), 'billkit-install-'));
try {
  const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' }));
  const app = join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'fresh-front-end-app', private: true, type: 'module', dependencies: { react: '^19', 'react-dom': '^19', '@tanstack/react-query': '^5' } }, null, 2),
  );
  npm(['install'], app);
  const before = duKiB(join(app, 'node_modules'));
  npm(['install', join(work, filename)], app);
  const after = duKiB(join(app, 'node_modules'));
  const addedMb = (after - before) / 1024;
  const forbidden = ['@electric-sql/pglite', 'pdf-lib', 'stripe', 'pg', 'hono', '@hono/node-server', 'jose', 'zod', 'billkit-proxy', '@stripe/stripe-js', '@stripe/react-stripe-js'];
  const present = forbidden.filter((name) => {
    try {
      execFileSync('test', ['-e', join(app, 'node_modules', name)]);
      return true;
    } catch {
      return false;
    }
  });
  console.log(`node_modules without billkit: ${(before / 1024).toFixed(1)} MB; with billkit: ${(after / 1024).toFixed(1)} MB`);
  console.log(`billkit adds ${addedMb.toFixed(1)} MB (limit ${LIMIT_MB} MB)${present.length ? `; server/Stripe packages present: ${present.join(', ')}` : ''}`);
  const pass = addedMb <= LIMIT_MB && present.length === 0;
  console.log(pass ? 'PASS' : 'MISS');
  process.exitCode = pass ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
