import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRefusal as refusal, runCli, startCli } from '../helpers/cli';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'billkit-cli-clock-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('billkit-proxy clock', () => {
  it('shows and advances the running dev proxy’s clock, printing what fell due', async () => {
    const cli = await startCli(['--port', '0', '--data-dir', dir]);
    try {
      expect(cli.output()).toMatch(/Lifecycle: .*3, 5, 7 days/);
      const url = cli.url;
      const shown = await runCli(['clock', '--url', url, '--data-dir', dir]);
      const now = Date.parse(/^now: (\S+)$/m.exec(shown.stdout)![1]!);
      expect(Math.abs(now - Date.now())).toBeLessThan(60_000);

      const advanced = await runCli(['clock', 'advance', '30d', '--url', url, '--data-dir', dir]);
      const later = Date.parse(/^now: (\S+)$/m.exec(advanced.stdout)![1]!);
      expect(later - now).toBeGreaterThanOrEqual(30 * 86_400_000);
      // The demo's Pro subscription renews within 30 days; its trial ends.
      expect(advanced.stdout).toMatch(/invoice\.paid\s+user_pro\s+in_/);
      expect(advanced.stdout).toMatch(/subscription\.trial_will_end\s+user_trial\s+sub_demo_trial/);
    } finally {
      expect(await cli.stop()).toBe(0);
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
