#!/usr/bin/env node
/**
 * The bundle figures on the ruler used for the competitors (CONTRACT §4): `esbuild --minify`
 * of an app importing the given exports of the built `billkit` (dist/), then gzip -9, with
 * React, react-dom, TanStack Query and Stripe external. Prints the whole entry, what the
 * seeds name, BillingProvider + UsageMeter, and each component alone, with PASS/MISS
 * against the budgets, and each line against its recorded figure in bench/size-baseline.json:
 * exits 1 on a MISS or when a `billkit` line grew (any byte, minified or gzipped), so growth
 * is a decision made in review: `node bench/esbuildSize.mjs --record` writes the new figures
 * into the baseline, in the same commit as the change that explains them. Run by
 * `npm run size` and by CI after the build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
const BASELINE = resolve(import.meta.dirname, 'size-baseline.json');
const record = process.argv.includes('--record');
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
  // The self-serve components are opt-ins: their own cost, paid only by apps that import them.
  ...['PaymentMethodForm', 'PlanChangeDialog', 'SubscriptionPaymentDetails', 'PayInvoiceButton'].map((component) => ({ name: `${component} alone`, names: [component] })),
  { name: 'PricingTable + planChange (the plan change opt-in)', names: ['PricingTable', 'planChange'] },
  { name: 'SubscriptionCard + SubscriptionPaymentDetails', names: ['SubscriptionCard', 'SubscriptionPaymentDetails'] },
  // Its own line: an app that does not import billkit/devtools pays none of it (CONTRACT §4).
  // Not gated: the devtools are for development only; their figure is printed beside the baseline.
  { name: 'billkit/devtools: BillingDevtools (shared modules counted again)', names: ['BillingDevtools'], entry: './dist/devtools/index.js', gate: false },
];

const baseline = JSON.parse(readFileSync(BASELINE, 'utf8'));
const signed = (n) => (n > 0 ? `+${n}` : `${n}`);

console.log('\nesbuild --minify + gzip -9 (react, react-dom, @tanstack/react-query, @stripe/* external)');
console.log(`  against bench/size-baseline.json (${baseline.recorded}): bytes gzip / min`);
let failed = false;
const measured = {};
for (const row of rows) {
  const { min, gzip } = await measure(row.names, row.entry);
  measured[row.name] = { gzip, min };
  const verdict = row.limit === undefined ? '' : gzip <= row.limit ? `  PASS (<= ${kB(row.limit)})` : `  MISS (> ${kB(row.limit)})`;
  if (row.limit !== undefined && gzip > row.limit) failed = true;
  const base = baseline.rows[row.name];
  let growth = '  (no baseline)';
  if (base) {
    const grew = gzip > base.gzip || min > base.min;
    growth = `  ${signed(gzip - base.gzip)} / ${signed(min - base.min)} B${grew && row.gate !== false ? '  GREW' : ''}`;
    if (grew && row.gate !== false && !record) failed = true;
  }
  console.log(`  ${row.name.padEnd(70)} ${kB(gzip).padStart(9)} gzip  (${kB(min)} min)${verdict}${growth}`);
}

if (record) {
  baseline.recorded = new Date().toISOString().slice(0, 10);
  baseline.rows = measured;
  writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
  console.log('\nRecorded these figures in bench/size-baseline.json.');
} else if (failed) {
  console.log('\nA budget is missed or a billkit line grew. If the growth is intended, record it with');
  console.log('`node bench/esbuildSize.mjs --record` in the commit that explains it.');
}
process.exitCode = failed ? 1 : 0;
