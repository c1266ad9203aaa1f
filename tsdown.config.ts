import { defineConfig } from 'tsdown';
import proxyPackage from './proxy/package.json' with { type: 'json' };

// The proxy's own dependencies: never bundled into its dist (PGlite ships wasm and data files).
const proxyDependencies = Object.keys(proxyPackage.dependencies).map((name) => new RegExp(`^${name.replace('/', '\\/')}(\\/|$)`));

// Two worlds, built separately so nothing from the Node entry can leak into the
// browser bundle: `billkit` (browser, one module per file so apps tree-shake and each
// keeps its own 'use client'), `billkit/stripe` (the Stripe opt-in), `billkit/devtools`, and the second
// package `billkit-proxy` (Node only: proxy/dist, with its bin), built from src/server.
// `billkit/server` re-exports `billkit-proxy` (scripts/build-server-entry.mjs).
export default defineConfig([
  {
    entry: { index: 'src/index.ts', 'stripe/index': 'src/stripe/index.ts', 'devtools/index': 'src/devtools/index.ts' },
    platform: 'browser',
    format: 'esm',
    dts: true,
    unbundle: true,
    outDir: 'dist',
    clean: true,
    external: [/^react/, /^@tanstack\//, /^@stripe\//, /^radix-ui/],
  },
  {
    entry: { index: 'src/server/index.ts', cli: 'src/server/cli.ts' },
    platform: 'node',
    format: 'esm',
    // `.js` / `.d.ts` (the package is "type": "module"), as proxy/package.json's exports and bin name them.
    fixedExtension: false,
    dts: true,
    outDir: 'proxy/dist',
    clean: true,
    external: proxyDependencies,
  },
]);
