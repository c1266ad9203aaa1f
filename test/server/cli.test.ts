import { spawn, execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = ['--import', 'tsx', 'src/server/cli.ts'];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'billkit-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('billkit-proxy CLI', () => {
  it('--help lists every flag of the contract', async () => {
    const { stdout } = await run(process.execPath, [...CLI, '--help']);
    for (const flag of ['--port', '--data-dir', '--memory', '--seed', '--jwt-secret', '--jwks-url', '--webhook-url', '--database-url', '--api-key', '--allowed-origins', 'token --user']) {
      expect(stdout).toContain(flag);
    }
    for (const env of ['PORT', 'BILLKIT_DATA_DIR', 'BILLKIT_JWT_SECRET', 'BILLKIT_JWKS_URL', 'BILLKIT_WEBHOOK_URL', 'DATABASE_URL', 'BILLKIT_API_KEY']) {
      expect(stdout).toContain(env);
    }
  });

  it('rejects an unknown flag with exit code 2', async () => {
    await expect(run(process.execPath, [...CLI, '--bogus'])).rejects.toMatchObject({ code: 2 });
  });

  it('token prints a dev token signed with the data folder key', async () => {
    const { stdout } = await run(process.execPath, [...CLI, 'token', '--user', 'user_1', '--org', 'org_9', '--data-dir', dir]);
    const keys = JSON.parse(await readFile(join(dir, 'keys.json'), 'utf8')) as { jwtSecret: string };
    const { payload } = await jwtVerify(stdout.trim(), new TextEncoder().encode(keys.jwtSecret));
    expect(payload).toMatchObject({ sub: 'user_1', org_id: 'org_9' });
  });

  it('starts on a free port, prints URL, data folder and dev tokens, answers /plans, and stops on SIGTERM', async () => {
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
      expect(ready).toMatch(/ready in \d+ ms/);
      expect(ready).toContain(dir);
      const url = /URL:\s+(http:\/\/\S+)/.exec(ready)![1]!;
      const token = new RegExp(`user_pro\\s+(\\S+)`).exec(ready)![1]!;
      const keys = JSON.parse(await readFile(join(dir, 'keys.json'), 'utf8')) as Record<string, string>;
      for (const secret of Object.values(keys)) expect(ready).not.toContain(secret);
      const plans = await fetch(`${url}/api/proxy/billing/plans`, { headers: { Authorization: `Bearer ${token}` } });
      expect(plans.status).toBe(200);
      expect(((await plans.json()) as { plans: unknown[] }).plans).toHaveLength(2);
      const sub = await fetch(`${url}/api/proxy/billing/subscription`, { headers: { Authorization: `Bearer ${token}` } });
      expect(((await sub.json()) as { subscription: { status: string } }).subscription.status).toBe('active');
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
