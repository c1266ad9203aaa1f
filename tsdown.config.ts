import { defineConfig } from 'tsdown';

// Two worlds, built separately so nothing from the Node entry can leak into the
// browser bundle: `billkit` (browser, one module per file so apps tree-shake)
// and `billkit/server` + the `billkit-proxy` bin (Node only).
export default defineConfig([
  {
    entry: { index: 'src/index.ts', 'stripe/index': 'src/stripe/index.ts' },
    platform: 'browser',
    format: 'esm',
    dts: true,
    unbundle: true,
    outDir: 'dist',
    clean: true,
    external: [/^react/, /^@tanstack\//, /^@stripe\//, /^radix-ui/],
  },
  {
    entry: { 'server/index': 'src/server/index.ts', 'server/cli': 'src/server/cli.ts' },
    platform: 'node',
    format: 'esm',
    // `.js` / `.d.ts` (the package is "type": "module"), as package.json's exports and bin name them.
    fixedExtension: false,
    dts: true,
    outDir: 'dist',
    clean: false,
  },
]);
