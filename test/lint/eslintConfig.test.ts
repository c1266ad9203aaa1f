import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules of eslint.config.js, run through ESLint's Node API on scratch sources
// placed (virtually) in each layer: a wrong import must be reported, a right one not.
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('eslint.config.js import boundaries', () => {
  it('refuses server code in a component, and lets it import the client and hooks', async () => {
    const bad = await boundaryErrors('src/components/UsageMeter/Scratch.tsx', `import { createProxyApp } from '../../server/app';\nexport const x = createProxyApp;\n`);
    expect(bad).toEqual([expect.stringContaining('Browser code never imports server code')]);
    const good = await boundaryErrors(
      'src/components/UsageMeter/Scratch.tsx',
      `import { BillingError } from '../../client/BillingError';\nimport { useUsage } from '../../react/useUsage';\nexport const x = [BillingError, useUsage];\n`,
    );
    expect(good).toEqual([]);
  });

  it('refuses server code in the browser entry and the client', async () => {
    expect(await boundaryErrors('src/index.ts', `export { createProxyApp } from './server/app';\n`)).toHaveLength(1);
    expect(await boundaryErrors('src/client/scratch.ts', `import type { Store } from '../server/store/Store';\nexport type S = Store;\n`)).toHaveLength(1);
  });

  it('refuses hono, the HTTP layer and store internals in billing, and allows the Store interface and domain errors', async () => {
    const bad = await boundaryErrors(
      'src/server/billing/scratch.ts',
      [
        `import { Hono } from 'hono';`,
        `import { ProxyError } from '../errors';`,
        `import { plansRoutes } from '../routes/plansRoutes';`,
        `import { createStore } from '../store/createStore';`,
        `export const x = [Hono, ProxyError, plansRoutes, createStore];`,
        '',
      ].join('\n'),
    );
    expect(bad).toEqual([
      expect.stringContaining('Only the HTTP layer'),
      expect.stringContaining('never import routes or the HTTP layer'),
      expect.stringContaining('never import routes or the HTTP layer'),
      expect.stringContaining('only through its interface'),
    ]);
    const good = await boundaryErrors(
      'src/server/billing/scratch.ts',
      `import type { Store } from '../store/Store';\nimport type { PlanRecord } from '../store/records';\nimport { NotFound } from '../domainErrors';\nexport type S = [Store, PlanRecord];\nexport const x = NotFound;\n`,
    );
    expect(good).toEqual([]);
  });

  it('refuses billing in the store and in processors', async () => {
    expect(await boundaryErrors('src/server/store/scratch.ts', `import { listPlans } from '../billing/plans';\nexport const x = listPlans;\n`)).toEqual([
      expect.stringContaining('Only routes and the app call billing rules'),
    ]);
    expect(
      await boundaryErrors('src/server/processor/scratch.ts', `import { applyProcessorEvent } from '../billing/processorEvents';\nexport const x = applyProcessorEvent;\n`),
    ).toEqual([expect.stringContaining('Only routes and the app call billing rules')]);
  });

  it('refuses hooks any import of a component, its labels included, types too', async () => {
    for (const source of [
      `import { UsageMeter } from '../components/UsageMeter/UsageMeter';\nexport const x = UsageMeter;\n`,
      `import { defaultUsageMeterLabels } from '../components/UsageMeter/usageMeterLabels';\nexport const x = defaultUsageMeterLabels;\n`,
      `import type { UsageMeterLabels } from '../components/UsageMeter/usageMeterLabels';\nexport type X = UsageMeterLabels;\n`,
    ]) {
      expect(await boundaryErrors('src/react/scratch.ts', source)).toEqual([expect.stringContaining('Hooks never import components')]);
    }
  });

  it('lets routes use billing and hono', async () => {
    expect(
      await boundaryErrors(
        'src/server/routes/scratch.ts',
        `import { Hono } from 'hono';\nimport { listPlans } from '../billing/plans';\nexport const x = [Hono, listPlans];\n`,
      ),
    ).toEqual([]);
  });
});
