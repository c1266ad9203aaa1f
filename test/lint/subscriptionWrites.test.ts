import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** Every .ts / .tsx file below `dir` (relative to the repository). */
async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath ?? (e as { path?: string }).path ?? '', e.name)))
    .sort();
}

/** `file:line: text` of each line of src/ matching `pattern`, outside the files `allowed`. */
async function linesMatching(pattern: RegExp, allowed: (file: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  for (const file of await sourceFiles('src')) {
    if (allowed(file)) continue;
    const lines = (await readFile(join(ROOT, file), 'utf8')).split('\n');
    lines.forEach((line, i) => {
      if (pattern.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}

// A subscription's next lifecycle step is written with the row, from the row as it is
// after the write. The store requires the step (a NextStep only the schedule rule makes);
// these hold that it is always made the one way: by saveSubscription, from the merged row.
describe('subscription writes', () => {
  it('only billing/saveSubscription.ts calls the store to insert or update a subscription', async () => {
    const store = join('src/server/store') + sep;
    const writer = join('src/server/billing', 'saveSubscription.ts');
    expect(await linesMatching(/\.(insertSubscription|updateSubscription)\(/, (f) => f.startsWith(store) || f === writer)).toEqual([]);
  });

  it('only saveSubscription.ts makes a NextStep (nextStepOf) outside the rule itself', async () => {
    const rule = ['lifecycleSchedule.ts', 'saveSubscription.ts'].map((f) => join('src/server/billing', f));
    expect(await linesMatching(/\bnextStepOf\(|decidedBy:/, (f) => rule.includes(f) || f === join('src/server/store', 'records.ts'))).toEqual([]);
  });
});
