// The public surface of every package entry, as API Extractor reports it from the built
// declarations: api/<entry>.api.md, checked in, so a change to what users can import is
// a reviewed diff rather than a side effect. `npm run api` builds and writes the reports;
// `npm run api:check` (CI, after `npm run build`) fails with the diff when a report differs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const ROOT = resolve(import.meta.dirname, '..');
const write = process.argv.includes('--write');

// One report per entry of package.json's exports (tsdown.config.ts builds them).
// `billkit/server` is `export * from 'billkit-proxy'` (scripts/build-server-entry.mjs), so
// its report is the proxy package's own declarations.
const entries = [
  { report: 'billkit', types: 'dist/index.d.ts', packageJson: 'package.json' },
  { report: 'billkit-stripe', types: 'dist/stripe/index.d.ts', packageJson: 'package.json' },
  { report: 'billkit-devtools', types: 'dist/devtools/index.d.ts', packageJson: 'package.json' },
  { report: 'billkit-server', types: 'proxy/dist/index.d.ts', packageJson: 'proxy/package.json' },
];

const temp = mkdtempSync(join(tmpdir(), 'billkit-api-'));
let differs = 0;
try {
  for (const entry of entries) {
    if (!existsSync(join(ROOT, entry.types))) {
      console.error(`${entry.types} is missing: run \`npm run build\` first (npm run api builds).`);
      process.exit(1);
    }
    const config = ExtractorConfig.prepare({
      configObjectFullPath: join(ROOT, 'api', 'api-extractor.json'),
      packageJsonFullPath: join(ROOT, entry.packageJson),
      configObject: {
        projectFolder: ROOT,
        mainEntryPointFilePath: join(ROOT, entry.types),
        compiler: {
          // Only the declarations of this entry, not the repository's whole program.
          overrideTsconfig: {
            compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2023', 'DOM'], jsx: 'react-jsx', strict: true, skipLibCheck: true, types: [] },
            files: [join(ROOT, entry.types)],
          },
        },
        apiReport: {
          enabled: true,
          reportFileName: `${entry.report}.api.md`,
          reportFolder: join(ROOT, 'api'),
          reportTempFolder: temp,
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        newlineKind: 'lf',
        messages: {
          compilerMessageReporting: { default: { logLevel: 'warning' } },
          extractorMessageReporting: {
            // A type the surface uses but does not export is written into the report, where
            // review sees it. Billkit uses no release tags (@public, @beta).
            default: { logLevel: 'warning', addToApiReportFile: true },
            'ae-missing-release-tag': { logLevel: 'none' },
            // The report marks each undocumented member inline; the warning would add churn (d.ts line numbers).
            'ae-undocumented': { logLevel: 'none' },
          },
          // TSDoc is written for editors, not checked against the TSDoc grammar.
          tsdocMessageReporting: { default: { logLevel: 'none' } },
        },
      },
    });
    const result = Extractor.invoke(config, { localBuild: write, showVerboseMessages: false, messageCallback: quiet });
    if (!result.succeeded && !result.apiReportChanged) {
      console.error(`api-extractor failed on ${entry.types} (${result.errorCount} errors).`);
      process.exit(1);
    }
    const checkedIn = join(ROOT, 'api', `${entry.report}.api.md`);
    if (write) {
      console.log(`${result.apiReportChanged ? 'wrote' : 'unchanged'} api/${entry.report}.api.md`);
    } else if (result.apiReportChanged) {
      differs++;
      const fresh = join(temp, `${entry.report}.api.md`);
      console.error(`\napi/${entry.report}.api.md differs from ${entry.types}:`);
      try {
        execFileSync('git', ['diff', '--no-index', '--no-color', existsSync(checkedIn) ? checkedIn : '/dev/null', fresh], { stdio: 'inherit' });
      } catch {
        // git diff exits 1 when the files differ: that is the diff printed above.
      }
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
if (differs > 0) {
  console.error(`\nThe public API changed (${differs} report(s)). If that is intended, run \`npm run api\` and commit api/*.api.md.`);
  process.exit(1);
}

/** Keeps API Extractor's own chatter (its version banner, "report changed" advice) out of the log; warnings stay. */
function quiet(message) {
  if (message.logLevel === 'info' || message.logLevel === 'verbose' || message.messageId?.startsWith('console-api-report')) message.handled = true;
}
