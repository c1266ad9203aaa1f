import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = ['--import', 'tsx', 'src/server/cli.ts'];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'billkit-cli-clock-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function refusal(args: string[]) {
  const failure = (await run(process.execPath, [...CLI, ...args]).then(
    () => null,
    (error: unknown) => error,
  )) as { code: number; stderr: string } | null;
  expect(failure, 'the CLI should have refused').not.toBeNull();
  return failure!;
}

describe('billkit-proxy clock', () => {
  it('shows and advances the running dev proxy’s clock, printing what fell due', async () => {
    const child = spawn(process.execPath, [...CLI, '--port', '0', '--data-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stderr.on('data', (c) => (out += c));
    const ready = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (/org_acme\s+\S+/.test(out)) resolve(out);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    try {
      expect(ready).toMatch(/Lifecycle: .*3, 5, 7 days/);
      const url = /URL:\s+(http:\/\/\S+)/.exec(ready)![1]!;
      const shown = await run(process.execPath, [...CLI, 'clock', '--url', url, '--data-dir', dir]);
      const now = Date.parse(/^now: (\S+)$/m.exec(shown.stdout)![1]!);
      expect(Math.abs(now - Date.now())).toBeLessThan(60_000);

      const advanced = await run(process.execPath, [...CLI, 'clock', 'advance', '30d', '--url', url, '--data-dir', dir]);
      const later = Date.parse(/^now: (\S+)$/m.exec(advanced.stdout)![1]!);
      expect(later - now).toBeGreaterThanOrEqual(30 * 86_400_000);
      // The demo's Pro subscription renews within 30 days; its trial ends.
      expect(advanced.stdout).toMatch(/invoice\.paid\s+user_pro\s+in_/);
      expect(advanced.stdout).toMatch(/subscription\.trial_will_end\s+user_trial\s+sub_demo_trial/);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it('refuses a duration it cannot read, with exit code 2', async () => {
    const failure = await refusal(['clock', 'advance', 'soon', '--data-dir', dir]);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toMatch(/^billkit-proxy: clock advance takes a duration like 30d/);
  });

  it('refuses a retry schedule that is not increasing days', async () => {
    const failure = await refusal(['--dunning-retry-days', '5,3', '--memory']);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toMatch(/^billkit-proxy: --dunning-retry-days must be increasing days like 3,5,7/);
  });
});
