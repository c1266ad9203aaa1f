// @vitest-environment node
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** What the seeds name (CONTRACT §4's 35 kB line, as bench/esbuildSize.mjs measures it). */
const SEEDS = [
  'BillingProvider', 'PricingTable', 'CheckoutForm', 'SubscriptionCard', 'UsageMeter', 'InvoiceList', 'CheckoutReturn',
  'usePlans', 'useSubscription', 'useCheckout', 'useCancelSubscription', 'useResumeSubscription', 'useEntitlements',
  'useUsage', 'useInvoices', 'useDownloadInvoice', 'useActivateCheckout',
];

/** The modules whose code an app importing `names` from `billkit` bundles (esbuild's metafile). */
async function modulesReachedBy(names: string[]): Promise<string[]> {
  const result = await build({
    stdin: { contents: `export { ${names.join(', ')} } from './src/index.ts';`, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    external: ['react', 'react-dom', 'react/*', '@tanstack/*', '@stripe/*'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  // Modules that put bytes into the bundle (the metafile's `inputs` also lists modules parsed, then shaken off).
  const [output] = Object.values(result.metafile.outputs);
  return Object.entries(output!.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([file]) => file);
}

describe("what the seeds name reaches (the 35 kB budget's line)", () => {
  it("reaches none of the self-serve opt-ins, no devtools module and not Radix Dialog's Overlay scroll lock", async () => {
    const reached = await modulesReachedBy(SEEDS);
    expect(reached).toContain('src/components/SubscriptionCard/CancelDialog.tsx');
    const optIns = /^src\/(components\/(PlanChangeDialog|PaymentMethodForm|SubscriptionPaymentDetails|SeatChange)\/|devtools\/)/;
    expect(reached.filter((file) => optIns.test(file))).toEqual([]);
    expect(reached.filter((file) => /node_modules\/react-remove-scroll/.test(file))).toEqual([]);
  });

  it('is a detector that sees an opt-in when it is imported', async () => {
    const reached = await modulesReachedBy(['SubscriptionCard', 'SubscriptionPaymentDetails', 'planChange', 'SeatChange']);
    expect(reached).toContain('src/components/SeatChange/SeatChange.tsx');
    expect(reached).toContain('src/components/SubscriptionPaymentDetails/SubscriptionPaymentDetails.tsx');
    expect(reached.some((file) => file.startsWith('src/components/PlanChangeDialog/'))).toBe(true);
  });
});
