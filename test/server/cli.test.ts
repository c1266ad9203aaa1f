import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRefusal, runCli, startCli } from '../helpers/cli';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'billkit-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('billkit-proxy CLI', () => {
  it('--help lists every flag of the contract', async () => {
    const { stdout } = await runCli(['--help']);
    for (const flag of ['--port', '--data-dir', '--memory', '--seed', '--jwt-secret', '--jwks-url', '--webhook-url', '--database-url', '--api-key', '--max-token-age', '--allowed-origins', 'token --user']) {
      expect(stdout).toContain(flag);
    }
    for (const env of ['PORT', 'BILLKIT_DATA_DIR', 'BILLKIT_JWT_SECRET', 'BILLKIT_JWKS_URL', 'BILLKIT_WEBHOOK_URL', 'DATABASE_URL', 'BILLKIT_API_KEY']) {
      expect(stdout).toContain(env);
    }
  });

  it('rejects an unknown flag with exit code 2', async () => {
    await expect(runCli(['--bogus'])).rejects.toMatchObject({ code: 2 });
  });

  // Every value the CLI cannot use: one line naming the flag or variable, exit code 2,
  // nothing opened, no stack trace, and secrets never echoed.
  const cleanEnv = () => {
    const e = { ...process.env };
    for (const name of ['PORT', 'HOST', 'BILLKIT_DATA_DIR', 'BILLKIT_JWT_SECRET', 'BILLKIT_JWKS_URL', 'BILLKIT_WEBHOOK_URL', 'BILLKIT_WEBHOOK_SECRET', 'DATABASE_URL', 'BILLKIT_API_KEY', 'BILLKIT_MAX_TOKEN_AGE', 'BILLKIT_ALLOWED_ORIGINS', 'BILLKIT_PUBLIC_URL', 'STRIPE_SECRET_KEY', 'STRIPE_PUBLISHABLE_KEY', 'STRIPE_WEBHOOK_SECRET']) delete e[name];
    return e;
  };
  it.concurrent.each([
    ['BILLKIT_JWT_SECRET=""', [], { BILLKIT_JWT_SECRET: '' }, /^billkit-proxy: BILLKIT_JWT_SECRET is empty; /],
    ['--jwt-secret ""', ['--jwt-secret', ''], {}, /^billkit-proxy: --jwt-secret is empty; /],
    ['--port 70000', ['--port', '70000'], {}, /^billkit-proxy: --port must be a port number 0\.\.65535 .*"70000"/],
    ['--port abc', ['--port', 'abc'], {}, /^billkit-proxy: --port must be a port number/],
    ['PORT=-1', [], { PORT: '-1' }, /^billkit-proxy: PORT must be a port number .*"-1"/],
    ['--seed sample', ['--seed', 'sample'], {}, /^billkit-proxy: --seed must be demo or none, got "sample"/],
    ['--database-url not a URL', ['--database-url', 'user:hunter2@db:5432'], {}, /^billkit-proxy: --database-url must be a postgres:\/\/ or postgresql:\/\/ URL/],
    ['--database-url mysql://', ['--database-url', 'mysql://root:hunter2@db/app'], {}, /^billkit-proxy: --database-url must be a postgres:\/\//],
    ['DATABASE_URL=""', [], { DATABASE_URL: '' }, /^billkit-proxy: DATABASE_URL is empty; /],
    ['--jwks-url ftp://', ['--jwks-url', 'ftp://example.com/jwks.json'], {}, /^billkit-proxy: --jwks-url must be an http\(s\) URL of a JWKS, got "ftp:/],
    ['--jwks-url http://', ['--jwks-url', 'http://'], {}, /^billkit-proxy: --jwks-url must be an http\(s\) URL/],
    ['--jwt-secret and --jwks-url', ['--jwt-secret', 's3cret-hunter2', '--jwks-url', 'https://example.com/jwks.json'], {}, /^billkit-proxy: use --jwt-secret or --jwks-url, not both\./],
    ['--webhook-url file:', ['--webhook-url', 'file:///etc/passwd'], {}, /^billkit-proxy: --webhook-url must be an http\(s\) URL\./],
    ['--webhook-url relative', ['--webhook-url', 'hooks/billing'], {}, /^billkit-proxy: --webhook-url must be an http\(s\) URL\./],
    ['--webhook-secret ""', ['--webhook-secret', ''], {}, /^billkit-proxy: --webhook-secret is empty; /],
    ['--api-key ""', ['--api-key', ''], {}, /^billkit-proxy: --api-key is empty; /],
    ['--max-token-age 0', ['--max-token-age', '0'], {}, /^billkit-proxy: --max-token-age must be a whole number of seconds \(1 or more\), got "0"\./],
    ['BILLKIT_MAX_TOKEN_AGE=1h', [], { BILLKIT_MAX_TOKEN_AGE: '1h' }, /^billkit-proxy: BILLKIT_MAX_TOKEN_AGE must be a whole number of seconds/],
    ['--allowed-origins ""', ['--allowed-origins', ''], {}, /^billkit-proxy: --allowed-origins is empty; /],
    ['--allowed-origins with a non-URL', ['--allowed-origins', 'https://app.example.com,app2'], {}, /^billkit-proxy: --allowed-origins must be comma-separated origins like https:\/\/app\.example\.com, got "app2"\./],
    ['--public-url javascript:', ['--public-url', 'javascript:alert(1)'], {}, /^billkit-proxy: --public-url must be an http\(s\) origin/],
    ['--host ""', ['--host', ''], {}, /^billkit-proxy: --host is empty; /],
    ['--data-dir ""', ['--data-dir', ''], {}, /^billkit-proxy: --data-dir is empty; /],
    ['--memory and --data-dir', ['--memory', '--data-dir', '/tmp/x'], {}, /^billkit-proxy: use --memory or --data-dir, not both\./],
    ['STRIPE_SECRET_KEY=""', [], { STRIPE_SECRET_KEY: '' }, /^billkit-proxy: STRIPE_SECRET_KEY is empty; /],
    ['--stripe-webhook-secret alone', ['--stripe-webhook-secret', 'whsec_hunter2'], {}, /^billkit-proxy: --stripe-webhook-secret needs --stripe-secret-key\./],
    ['--stripe-meters alone', ['--stripe-meters', 'api_calls=api_calls'], {}, /^billkit-proxy: --stripe-meters needs --stripe-secret-key\./],
    ['--stripe-meters not pairs', ['--stripe-secret-key', 'sk_test_x', '--stripe-meters', 'api_calls'], {}, /^billkit-proxy: --stripe-meters must be metric=event_name pairs/],
    ['--port without a value', ['--port'], {}, /^billkit-proxy: Option '--port <value>' argument missing/],
    ['a stray argument', ['serve'], {}, /^billkit-proxy: Unexpected argument 'serve'/],
    ['token --jwt-secret ""', ['token', '--user', 'user_1', '--jwt-secret', ''], {}, /^billkit-proxy: --jwt-secret is empty; /],
    ['token BILLKIT_JWT_SECRET=""', ['token', '--user', 'user_1'], { BILLKIT_JWT_SECRET: '' }, /^billkit-proxy: BILLKIT_JWT_SECRET is empty; /],
    ['token without --user', ['token'], {}, /^billkit-proxy: token needs --user <id>\./],
    ['token --user ""', ['token', '--user', ''], {}, /^billkit-proxy: --user is empty; /],
  ] as const)('%s → one-line error, exit code 2', async (_name, args, extraEnv, message) => {
    const failure = await cliRefusal([...args, ...(args[0] === 'token' ? ['--data-dir', dir] : [])], { env: { ...cleanEnv(), ...extraEnv } });
    expect(failure!.code).toBe(2);
    const lines = failure!.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(lines[0]).toMatch(/\(billkit-proxy --help for usage\)$/);
    expect(failure!.stderr).not.toMatch(/\bat \S+ \(|hunter2|node:internal/);
    expect(failure!.stdout).toBe('');
  });

  it('token prints a dev token signed with the data folder key', async () => {
    const { stdout } = await runCli(['token', '--user', 'user_1', '--org', 'org_9', '--data-dir', dir]);
    const keys = JSON.parse(await readFile(join(dir, 'keys.json'), 'utf8')) as { jwtSecret: string };
    const { payload } = await jwtVerify(stdout.trim(), new TextEncoder().encode(keys.jwtSecret));
    expect(payload).toMatchObject({ sub: 'user_1', org_id: 'org_9' });
  });

  it('starts on a free port, prints URL, data folder and dev tokens, answers /plans, and stops on SIGTERM', async () => {
    const cli = await startCli(['--port', '0', '--data-dir', dir]);
    const ready = cli.output();
    try {
      expect(ready).toMatch(/ready in \d+ ms/);
      expect(ready).toContain(dir);
      const url = cli.url;
      const token = new RegExp(`user_pro\\s+(\\S+)`).exec(ready)![1]!;
      const keys = JSON.parse(await readFile(join(dir, 'keys.json'), 'utf8')) as Record<string, string>;
      for (const secret of Object.values(keys)) expect(ready).not.toContain(secret);
      const plans = await fetch(`${url}/api/proxy/billing/plans`, { headers: { Authorization: `Bearer ${token}` } });
      expect(plans.status).toBe(200);
      expect(((await plans.json()) as { plans: unknown[] }).plans).toHaveLength(3);
      const sub = await fetch(`${url}/api/proxy/billing/subscription`, { headers: { Authorization: `Bearer ${token}` } });
      expect(((await sub.json()) as { subscription: { status: string } }).subscription.status).toBe('active');
    } finally {
      expect(await cli.stop()).toBe(0);
    }
  });
});
