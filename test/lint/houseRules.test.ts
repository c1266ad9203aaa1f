import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
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

/**
 * Files are split by idea (a file is named after what it does and holds that one thing),
 * not by size: an idea that takes more than this many lines is rare enough to be a decision.
 */
const LINE_CEILING = 400;
/** The rare idea longer than the ceiling: its file, and why it stays one file. None today. */
const LONG_FILES: Record<string, string> = {};

// The house's layering, held by CI: the billing rules, processors and the store speak
// their own language (domain errors), never HTTP; they read time from an injected clock;
// and a file holds one idea, so it stays short: past the ceiling only with a written reason.
describe('the house rules', () => {
  it('no HTTP status code, ProxyError or hono in src/server/billing, processor or store (comments included)', async () => {
    const offending: string[] = [];
    for (const dir of ['src/server/billing', 'src/server/processor', 'src/server/store']) {
      for (const file of await sourceFiles(dir)) {
        const lines = (await readFile(join(ROOT, file), 'utf8')).split('\n');
        lines.forEach((line, i) => {
          if (/\b(400|401|402|403|404|405|409|413|415|422|429|431|502|503)\b|ProxyError|from 'hono/.test(line)) offending.push(`${file}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    expect(offending).toEqual([]);
  });

  it('no new Date() or Date.now in src/server/billing, store or outbox outside the clock module (the wall clock is injected)', async () => {
    const reading: string[] = [];
    for (const dir of ['src/server/billing', 'src/server/store', 'src/server/outbox']) {
      for (const file of await sourceFiles(dir)) {
        if (file === join('src/server/billing', 'createClock.ts')) continue;
        const lines = (await readFile(join(ROOT, file), 'utf8')).split('\n');
        lines.forEach((line, i) => {
          if (/\bnew Date\(\s*\)|\bDate\.now\b/.test(line)) reading.push(`${file}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    expect(reading).toEqual([]);
  });

  it(`no source file in src/ passes ${LINE_CEILING} lines unless its reason is written in LONG_FILES`, async () => {
    const long: string[] = [];
    for (const file of await sourceFiles('src')) {
      const count = (await readFile(join(ROOT, file), 'utf8')).split('\n').length;
      if (count > LINE_CEILING && !(file in LONG_FILES)) long.push(`${file}: ${count} lines (split it by idea, or say in LONG_FILES why it is one)`);
    }
    expect(long).toEqual([]);
    // A reason outlives its file only by mistake.
    const all = new Set(await sourceFiles('src'));
    expect(Object.keys(LONG_FILES).filter((file) => !all.has(file))).toEqual([]);
  });

  it('billing fires events only through its one emitter (billing/events.ts writes them)', async () => {
    const direct: string[] = [];
    for (const file of await sourceFiles('src/server')) {
      if (file === join('src/server/billing', 'events.ts') || file === join('src/server/webhooks', 'recordEvent.ts')) continue;
      if ((await readFile(join(ROOT, file), 'utf8')).includes('recordEvent')) direct.push(file);
    }
    expect(direct).toEqual([]);
  });

  it('no comment or string in src/ or .ci/run cites a tracker number (say what and why instead)', async () => {
    const citing: string[] = [];
    for (const file of [...(await sourceFiles('src')), '.ci/run']) {
      const lines = (await readFile(join(ROOT, file), 'utf8')).split('\n');
      lines.forEach((line, i) => {
        if (/\bissues?[\s-]*#?\d+/i.test(line)) citing.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(citing).toEqual([]);
  });
});
