#!/usr/bin/env node
/**
 * The bundle figures on the ruler used for the competitors (CONTRACT §4): `esbuild --minify`
 * of an app importing the given exports of the built `billkit` (dist/), then gzip -9, with
 * React, react-dom, TanStack Query and Stripe external. Prints the whole entry, what the
 * seeds name, BillingProvider + UsageMeter, and each component alone, with PASS/MISS
 * against the budgets; exits 1 on a MISS. Run by `npm run size` after the build.
 */
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
const EXTERNAL = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client', '@tanstack/react-query', '@stripe/stripe-js', '@stripe/react-stripe-js'];
const COMPONENTS = ['PricingTable', 'CheckoutForm', 'SubscriptionCard', 'UsageMeter', 'InvoiceList', 'CheckoutReturn'];
const HOOKS = ['usePlans', 'useSubscription', 'useCheckout', 'useCancelSubscription', 'useResumeSubscription', 'useEntitlements', 'useUsage', 'useInvoices', 'useDownloadInvoice', 'useActivateCheckout'];

/** esbuild --minify + gzip -9 bytes of an app module that imports `names` (or everything) from billkit. */
async function measure(names, entry = './dist/index.js') {
  const contents = names ? `export { ${names.join(', ')} } from '${entry}';` : `export * from '${entry}';`;
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    external: EXTERNAL,
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  return { min: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const rows = [
  { name: 'whole entry (import * from "billkit")', names: null },
  { name: 'what the seeds name: provider, 5 components, CheckoutReturn, hooks', names: ['BillingProvider', ...COMPONENTS, ...HOOKS], limit: 35_000 },
  { name: 'BillingProvider + UsageMeter', names: ['BillingProvider', 'UsageMeter'], limit: 9_000 },
  ...COMPONENTS.map((component) => ({ name: `${component} alone`, names: [component] })),
  // Issue 13's components are opt-ins: their own cost, paid only by apps that import them.
  ...['PaymentMethodForm', 'PlanChangeDialog', 'SubscriptionPaymentDetails', 'PayInvoiceButton'].map((component) => ({ name: `${component} alone`, names: [component] })),
  { name: 'PricingTable + planChange (the plan change opt-in)', names: ['PricingTable', 'planChange'] },
  { name: 'SubscriptionCard + SubscriptionPaymentDetails', names: ['SubscriptionCard', 'SubscriptionPaymentDetails'] },
  // Its own line: an app that does not import billkit/devtools pays none of it (CONTRACT §4).
  { name: 'billkit/devtools: BillingDevtools (shared modules counted again)', names: ['BillingDevtools'], entry: './dist/devtools/index.js' },
];

console.log('\nesbuild --minify + gzip -9 (react, react-dom, @tanstack/react-query, @stripe/* external)');
let missed = false;
for (const row of rows) {
  const { min, gzip } = await measure(row.names, row.entry);
  const verdict = row.limit === undefined ? '' : gzip <= row.limit ? `  PASS (<= ${kB(row.limit)})` : `  MISS (> ${kB(row.limit)})`;
  if (row.limit !== undefined && gzip > row.limit) missed = true;
  console.log(`  ${row.name.padEnd(70)} ${kB(gzip).padStart(9)} gzip  (${kB(min)} min)${verdict}`);
}
process.exitCode = missed ? 1 : 0;
