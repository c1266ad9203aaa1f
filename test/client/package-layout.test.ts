import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, any>;
const SERVER_ONLY = ['@electric-sql/pglite', 'pdf-lib', 'stripe', 'pg', 'hono', '@hono/node-server', 'jose', 'zod'];

describe('the packages (package.json)', () => {
  const billkit = read('package.json');
  const proxy = read('proxy/package.json');

  it('billkit depends on no server-only package; billkit-proxy carries them all', () => {
    expect(Object.keys(billkit.dependencies ?? {}).filter((name) => SERVER_ONLY.includes(name))).toEqual([]);
    expect(Object.keys(billkit.peerDependencies ?? {}).filter((name) => SERVER_ONLY.includes(name))).toEqual([]);
    expect(Object.keys(proxy.dependencies).sort()).toEqual([...SERVER_ONLY].sort());
  });

  it('billkit-proxy, like the Stripe packages, is an optional peer of billkit', () => {
    for (const name of ['billkit-proxy', '@stripe/stripe-js', '@stripe/react-stripe-js']) {
      expect(billkit.peerDependencies[name], name).toBeTruthy();
      expect(billkit.peerDependenciesMeta[name], name).toEqual({ optional: true });
    }
    expect(billkit.peerDependencies['billkit-proxy']).toBe(`^${proxy.version}`);
  });

  it('the bin billkit-proxy belongs to the billkit-proxy package (so `npx billkit-proxy` needs nothing else)', () => {
    expect(billkit.bin).toBeUndefined();
    expect(proxy.bin).toEqual({ 'billkit-proxy': './dist/cli.js' });
    expect(billkit.workspaces).toContain('proxy');
  });

  it('billkit exports its entries with types first, billkit/stripe and billkit/server included', () => {
    for (const entry of ['.', './stripe', './server']) {
      expect(Object.keys(billkit.exports[entry]), entry).toEqual(['types', 'import']);
    }
    expect(billkit.exports['./stripe']).toEqual({ types: './dist/stripe/index.d.ts', import: './dist/stripe/index.js' });
    expect(billkit.exports['./styles.css']).toBe('./dist/styles.css');
    expect(billkit.exports['./theme.css']).toBe('./dist/theme.css');
  });
});
