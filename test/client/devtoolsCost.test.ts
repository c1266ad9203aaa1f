// @vitest-environment node
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** An entry as an app's bundler sees it: esbuild --minify of `entry` (e.g. src/index.ts, the `billkit` entry), peers external. */
async function bundle(entry: string) {
  const result = await build({
    entryPoints: [resolve(ROOT, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    external: ['react', 'react-dom', 'react/*', '@tanstack/*', '@radix-ui/*', '@stripe/*'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
}

/**
 * Names that exist only to serve billkit/devtools: the token override the devtools once
 * needed in the provider and the client, the dev endpoints and the devtools'
 * query keys. The subject switch now goes through the client's own `getToken`, which every
 * request reads anyway, so none of these may come back into `billkit`.
 */
const DEVTOOLS_ONLY = ['tokenOverride', 'requestConfig', '/api/dev', 'billkit-devtools', 'devtools', 'DevClient', 'createDevClient'];

describe('billkit pays nothing for billkit/devtools', () => {
  it('reaches no devtools module and carries no devtools-only name (minified whole entry)', async () => {
    const { code, inputs } = await bundle('src/index.ts');
    expect(inputs.some((input) => input.startsWith('src/react/BillingProvider'))).toBe(true);
    expect(inputs.filter((input) => input.startsWith('src/devtools/'))).toEqual([]);
    // Property names and strings survive minification, so a devtools field or endpoint would show here.
    const found = DEVTOOLS_ONLY.filter((name) => code.toLowerCase().includes(name.toLowerCase()));
    expect(found).toEqual([]);
  });

  it('is a detector that sees devtools names where they are (the devtools entry)', async () => {
    const { code } = await bundle('src/devtools/index.ts');
    expect(code).toContain('/api/dev');
    expect(code).toContain('billkit-devtools');
  });
});
