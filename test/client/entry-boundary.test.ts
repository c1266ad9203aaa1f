import { readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const ENTRY = join(ROOT, 'src/index.ts');
const SERVER_DIR = join(ROOT, 'src/server') + '/';

/** Packages that only make sense on the server: none may reach the browser bundle. */
const SERVER_ONLY = ['hono', '@hono/node-server', '@electric-sql/pglite', 'pg', 'pdf-lib', 'jose', 'stripe', 'zod'];
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

interface Graph {
  files: Set<string>;
  /** Bare specifiers, with the file that imports each. */
  packages: { specifier: string; from: string }[];
}

/** What a walk follows besides static runtime imports. */
interface WalkOptions {
  /** Type-only imports too (they end up in the published `.d.ts`). */
  types?: boolean;
  /** Dynamic `import()`s (false: only what loads with the entry itself). */
  dynamic?: boolean;
}

/** Import specifiers of a module; by default those that survive compilation (type-only imports are erased). */
function runtimeSpecifiers(source: string, { types = false, dynamic = true }: WalkOptions = {}): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const found: string[] = [];
  const statement = /(?:^|[;\s])(import|export)\s+(type\s+)?([^'"`;]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const match of code.matchAll(statement)) {
    if (!match[2] || types) found.push(match[4]!);
  }
  for (const match of code.matchAll(/(?:^|[;\s])import\s*['"]([^'"]+)['"]/g)) found.push(match[1]!);
  if (dynamic) for (const match of code.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  return found;
}

function resolveRelative(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  const file = candidates.find((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile());
  if (!file) throw new Error(`Cannot resolve ${specifier} from ${relative(ROOT, from)}`);
  return file;
}

/** Walks every module reachable from the browser entry by following relative imports. */
function walk(entry: string, options: WalkOptions = {}): Graph {
  const graph: Graph = { files: new Set(), packages: [] };
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (graph.files.has(file)) continue;
    graph.files.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    for (const specifier of runtimeSpecifiers(readFileSync(file, 'utf8'), options)) {
      if (specifier.startsWith('.')) queue.push(resolveRelative(file, specifier));
      else graph.packages.push({ specifier, from: relative(ROOT, file) });
    }
  }
  return graph;
}

const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

describe('the browser entry (src/index.ts)', () => {
  const graph = walk(ENTRY);

  it('reaches the client, the hooks and the components', () => {
    const files = [...graph.files].map((file) => relative(ROOT, file));
    expect(files).toContain('src/client/createBillingClient.ts');
    expect(files).toContain('src/react/BillingProvider.tsx');
    expect(files.some((file) => file.startsWith('src/components/'))).toBe(true);
  });

  it('is walked by a detector that does see server code where it is imported', () => {
    const server = walk(join(ROOT, 'src/server/index.ts'));
    expect(server.packages.map(({ specifier }) => packageName(specifier))).toContain('hono');
  });

  it('reaches no module under src/server', () => {
    const server = [...graph.files].filter((file) => file.startsWith(SERVER_DIR)).map((file) => relative(ROOT, file));
    expect(server).toEqual([]);
  });

  it('imports no Node built-in module', () => {
    expect(graph.packages.filter(({ specifier }) => BUILTINS.has(specifier) || specifier.startsWith('node:'))).toEqual([]);
  });

  it('imports no server-only package', () => {
    expect(graph.packages.filter(({ specifier }) => SERVER_ONLY.includes(packageName(specifier)))).toEqual([]);
  });
});

describe('the Stripe boundary', () => {
  const isStripe = ({ specifier }: { specifier: string }) => specifier.startsWith('@stripe/');

  it('billkit imports nothing from @stripe/*, not even types, not even lazily', () => {
    const graph = walk(ENTRY, { types: true, dynamic: true });
    expect(graph.packages.filter(isStripe)).toEqual([]);
  });

  it('billkit/stripe is where @stripe/* is reached (the detector sees it)', () => {
    const graph = walk(join(ROOT, 'src/stripe/index.ts'), { types: false, dynamic: true });
    const stripe = graph.packages.filter(isStripe).map(({ specifier }) => specifier);
    expect(new Set(stripe)).toEqual(new Set(['@stripe/react-stripe-js', '@stripe/stripe-js']));
  });

  it('billkit/stripe loads @stripe/* only through import(): importing the entry loads no Stripe code', () => {
    const graph = walk(join(ROOT, 'src/stripe/index.ts'), { types: false, dynamic: false });
    expect(graph.packages.filter(isStripe)).toEqual([]);
  });
});

describe('the devtools boundary', () => {
  const DEVTOOLS_DIR = join(ROOT, 'src/devtools') + '/';

  it('billkit reaches no module of src/devtools, not even through types or import()', () => {
    const graph = walk(ENTRY, { types: true, dynamic: true });
    expect([...graph.files].filter((file) => file.startsWith(DEVTOOLS_DIR)).map((file) => relative(ROOT, file))).toEqual([]);
  });

  it('billkit/devtools is where they are (the detector sees them), and it reaches no server code', () => {
    const graph = walk(join(ROOT, 'src/devtools/index.ts'));
    const files = [...graph.files].map((file) => relative(ROOT, file));
    expect(files).toContain('src/devtools/BillingDevtools.tsx');
    expect(files.filter((file) => file.startsWith('src/server/'))).toEqual([]);
    expect(graph.packages.filter(({ specifier }) => SERVER_ONLY.includes(packageName(specifier)) || specifier.startsWith('@stripe/'))).toEqual([]);
  });
});
