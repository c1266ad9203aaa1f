import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintDevToken } from '../../src/server/auth/mintDevToken';
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

  it('beside a real --jwt-secret, --dev-clock serves the clock to the CLI (data folder key) and the API key only, with a one-line warning', async () => {
    const own = await mkdtemp(join(tmpdir(), 'billkit-cli-clock-real-'));
    const secret = 'the-apps-real-hs256-secret';
    const cli = await startCli(['--port', '0', '--data-dir', own, '--jwt-secret', secret, '--dev-clock', '--api-key', 'sk_ops'], { devTokens: false });
    try {
      const warnings = cli.output().split('\n').filter((line) => /WARNING/.test(line));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/dev clock on beside a real identity provider \(--dev-clock\): the API key and billkit-proxy clock \(key in .*keys\.json\) can move every subject's time; never use it in production/);
      expect(cli.output()).not.toMatch(/Dev session tokens/);
      // A customer's token (the app's secret), even one claiming to be the operator: 404.
      for (const operator of [false, true]) {
        const token = await mintDevToken({ secret, user: 'user_pro', operator });
        expect((await fetch(`${cli.url}/api/dev/clock`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(404);
      }
      const shown = await runCli(['clock', 'advance', '1d', '--url', cli.url, '--data-dir', own]);
      expect(shown.stdout).toMatch(/^now: /m);
      const byKey = await runCli(['clock', '--url', cli.url, '--api-key', 'sk_ops', '--data-dir', dir]);
      expect(byKey.stdout).toMatch(/^now: /m);
      // Another data folder's key is no operator of this proxy.
      const other = await refusal(['clock', '--url', cli.url, '--data-dir', dir]);
      expect(other.stderr).toMatch(/has no dev clock for this caller/);
      const refused = await refusal(['clock', '--url', cli.url, '--jwt-secret', secret]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/never with --jwt-secret/);
    } finally {
      expect(await cli.stop()).toBe(0);
      await rm(own, { recursive: true, force: true });
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
