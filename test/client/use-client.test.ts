import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const DIRECTIVE = /^(['"])use client\1;?\s*\n/;

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((file) => pattern.test(file) && statSync(file).isFile());
}

/** The rule: a module is a client module when it renders (JSX), is a hook, or uses React at run time. */
function needsClient(file: string, source: string): boolean {
  const reactAtRuntime = /^import\s+(?!type\b)(?!\{\s*type\b[^}]*\}\s*from)[^;]*from\s+'react';/m.test(source);
  return file.endsWith('.tsx') || /^use[A-Z]/.test(basename(file)) || reactAtRuntime;
}

/** Relative runtime imports of a dist (or source) module, resolved to files. */
function relativeImports(file: string, source: string, extensions: string[]): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:^|[;\s])(?:import|export)\s+(?!type\b)[^'"`;]*?\s*from\s*['"](\.[^'"]+)['"]/gm)) {
    const base = resolve(dirname(file), match[1]!);
    const hit = [base, ...extensions.map((ext) => base + ext), ...extensions.map((ext) => join(base, 'index' + ext))].find(
      (candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile(),
    );
    if (hit) found.push(hit);
  }
  return found;
}

/** The public exports that must stay plain functions/values in a React Server Component. */
const SERVER_SAFE = [
  'client/createBillingClient',
  'client/BillingError',
  'contract/formatMoney',
  'contract/formatInterval',
  'contract/formatDate',
  'react/billingKeys',
  'react/plansQueryOptions',
  'react/subscriptionQueryOptions',
  'react/entitlementsQueryOptions',
  'react/usageQueryOptions',
  'react/checkoutSessionQueryOptions',
  'react/invoicesInfiniteQueryOptions',
  'react/paymentMethodQueryOptions',
  'react/planChangePreviewQueryOptions',
];

describe("'use client' per module (sources)", () => {
  const sources = filesUnder(join(ROOT, 'src'), /\.tsx?$/).filter((file) => !file.includes(`${join(ROOT, 'src/server')}/`));

  it('the entries carry no directive (it would make every export a client reference)', () => {
    for (const entry of ['src/index.ts', 'src/stripe/index.ts', 'src/devtools/index.ts']) {
      expect(readFileSync(join(ROOT, entry), 'utf8'), entry).not.toMatch(DIRECTIVE);
    }
  });

  it('every component, hook, context and provider module starts with it; no other module has it', () => {
    const wrong = sources
      .map((file) => ({ file: relative(ROOT, file), source: readFileSync(file, 'utf8') }))
      .filter(({ file, source }) => needsClient(file, source) !== DIRECTIVE.test(source))
      .map(({ file, source }) => `${file}: ${DIRECTIVE.test(source) ? 'has' : 'lacks'} 'use client'`);
    expect(wrong).toEqual([]);
    // The rule does sort modules both ways.
    expect(sources.filter((file) => DIRECTIVE.test(readFileSync(file, 'utf8'))).length).toBeGreaterThan(20);
  });
});

describe("'use client' per module (tsdown's dist)", () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'billkit-dist-'));
    // The package's own build config, without declarations (fast); same modules as dist/.
    execFileSync(join(ROOT, 'node_modules/.bin/tsdown'), ['--no-dts', '-d', out], { cwd: ROOT, stdio: 'pipe' });
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('keeps the directive on each client module and on no other', () => {
    const built = filesUnder(out, /\.js$/).filter((file) => !file.startsWith(join(out, 'server')) && !/^[^/]+-[\w-]{8}\.js$/.test(relative(out, file)));
    expect(built.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const file of built) {
      const name = relative(out, file).replace(/\.js$/, '');
      const source = filesUnder(join(ROOT, 'src'), /\.tsx?$/).find((candidate) => relative(join(ROOT, 'src'), candidate).replace(/\.tsx?$/, '') === name);
      if (!source) continue;
      const expected = DIRECTIVE.test(readFileSync(source, 'utf8'));
      if (DIRECTIVE.test(readFileSync(file, 'utf8')) !== expected) wrong.push(`${name}.js`);
    }
    expect(wrong).toEqual([]);
    expect(readFileSync(join(out, 'index.js'), 'utf8')).not.toMatch(DIRECTIVE);
    expect(readFileSync(join(out, 'components/UsageMeter/UsageMeter.js'), 'utf8')).toMatch(DIRECTIVE);
  });

  it('the client, BillingError, formatters, billingKeys and *QueryOptions reach no client module', () => {
    for (const name of SERVER_SAFE) {
      const seen = new Set<string>();
      const queue = [join(out, `${name}.js`)];
      while (queue.length) {
        const file = queue.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        const source = readFileSync(file, 'utf8');
        expect(source, `${relative(out, file)} (reached from ${name})`).not.toMatch(DIRECTIVE);
        queue.push(...relativeImports(file, source, ['.js']));
      }
      expect(seen.size, name).toBeGreaterThan(0);
    }
  });
});
