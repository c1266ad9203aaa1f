import { resolve } from 'node:path';

/**
 * A flag or environment value `billkit-proxy` refuses. The CLI prints its message on one
 * line and exits with code 2 (bad usage), before opening anything.
 */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

/** What `billkit-proxy` (the serve command) runs with, every value checked. */
export interface ServeConfig {
  port: number;
  hostname: string;
  /** Absolute; holds `pgdata/` and `keys.json` (unused with `memory`). */
  dataDir: string;
  memory: boolean;
  seed: 'demo' | 'none';
  jwtSecret?: string;
  jwksUrl?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  databaseUrl?: string;
  apiKey?: string;
  /** Seconds a session token without `exp` is accepted after its `iat`; such tokens are refused when unset. */
  maxTokenAge?: number;
  allowedOrigins?: string[];
  publicUrl?: string;
  stripe?: { secretKey: string; publishableKey?: string; webhookSecret?: string; meters?: Record<string, string> };
  /** `--dev-clock`: the dev clock endpoints even with --jwt-secret / --jwks-url (always on in dev mode). */
  devClock: boolean;
  /** `--dunning-retry-days 3,5,7`: days after a failed renewal charge at which it is retried. */
  retryDays?: number[];
  /** `--test-processor-latency <ms>`: the test processor answers each charge this late (crash tests). */
  testProcessorLatencyMs?: number;
}

/** Parsed flags as `node:util` `parseArgs` hands them over. */
export type CliValues = Record<string, string | boolean | undefined>;
type Env = Record<string, string | undefined>;

/** A string setting and where it came from, so an error names what the operator typed. */
interface Setting {
  value: string;
  /** `--port` or `PORT` */
  source: string;
}

function setting(values: CliValues, env: Env, flag: string, envName?: string): Setting | undefined {
  const fromFlag = values[flag];
  if (typeof fromFlag === 'string') return { value: fromFlag, source: `--${flag}` };
  const fromEnv = envName ? env[envName] : undefined;
  return fromEnv === undefined ? undefined : { value: fromEnv, source: envName! };
}

/** An empty value is refused rather than read as "not set": `--jwt-secret ""` is a mistake, not dev mode. */
function nonEmpty(s: Setting | undefined, hint: string): string | undefined {
  if (!s) return undefined;
  if (s.value.trim() === '') throw new CliUsageError(`${s.source} is empty; ${hint}.`);
  return s.value;
}

/**
 * An absolute URL whose scheme is one of `protocols`. `secret`: the value may carry
 * credentials (a database password, a token in a webhook URL), so it is not echoed.
 */
function url(s: Setting | undefined, protocols: string[], what: string, secret = false): string | undefined {
  const value = nonEmpty(s, `give ${what}`);
  if (value === undefined) return undefined;
  let parsed: URL | undefined;
  try {
    parsed = new URL(value);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !protocols.includes(parsed.protocol) || parsed.host === '') {
    throw new CliUsageError(`${s!.source} must be ${what}${secret ? '' : `, got "${value}"`}.`);
  }
  return value;
}

const HTTP = ['http:', 'https:'];

/**
 * Reads and checks the serve command's flags, falling back to environment variables
 * (`--port` / `PORT` …). Throws {@link CliUsageError} naming the flag or variable for
 * any value it cannot use; secrets are never part of a message.
 */
export function readServeConfig(values: CliValues, env: Env): ServeConfig {
  const portSetting = setting(values, env, 'port', 'PORT') ?? { value: '4242', source: '--port' };
  const port = Number(portSetting.value);
  if (!/^\d{1,5}$/.test(portSetting.value) || port > 65535) {
    throw new CliUsageError(`${portSetting.source} must be a port number 0..65535 (0 picks a free one), got "${portSetting.value}".`);
  }
  const hostname = nonEmpty(setting(values, env, 'host', 'HOST'), 'give an interface such as localhost or 0.0.0.0') ?? 'localhost';

  const memory = values.memory === true;
  const dataDirFlag = setting(values, env, 'data-dir');
  if (memory && dataDirFlag) throw new CliUsageError('use --memory or --data-dir, not both.');
  const dataDir = resolve(nonEmpty(dataDirFlag ?? setting(values, env, 'data-dir', 'BILLKIT_DATA_DIR'), 'give a folder (default .billkit)') ?? '.billkit');

  const databaseUrl = url(
    setting(values, env, 'database-url', 'DATABASE_URL'),
    ['postgres:', 'postgresql:'],
    'a postgres:// or postgresql:// URL (leave it out for the embedded database)',
    true,
  );
  if (memory && typeof values['database-url'] === 'string') throw new CliUsageError('use --memory or --database-url, not both.');

  const seedSetting = setting(values, env, 'seed');
  const seed = seedSetting?.value ?? (databaseUrl ? 'none' : 'demo');
  if (seed !== 'demo' && seed !== 'none') throw new CliUsageError(`--seed must be demo or none, got "${seed}".`);

  const jwtSecret = nonEmpty(setting(values, env, 'jwt-secret', 'BILLKIT_JWT_SECRET'), 'give the HS256 secret your app signs session tokens with, or unset it for dev tokens');
  const jwksUrl = url(setting(values, env, 'jwks-url', 'BILLKIT_JWKS_URL'), HTTP, 'an http(s) URL of a JWKS');
  if (jwtSecret !== undefined && jwksUrl !== undefined) throw new CliUsageError('use --jwt-secret or --jwks-url, not both.');

  const webhookUrl = url(setting(values, env, 'webhook-url', 'BILLKIT_WEBHOOK_URL'), HTTP, 'an http(s) URL', true);
  const webhookSecret = nonEmpty(setting(values, env, 'webhook-secret', 'BILLKIT_WEBHOOK_SECRET'), 'give a secret or leave it out to use the generated one');
  const apiKey = nonEmpty(setting(values, env, 'api-key', 'BILLKIT_API_KEY'), 'give a key or leave it out');
  const maxAgeSetting = setting(values, env, 'max-token-age', 'BILLKIT_MAX_TOKEN_AGE');
  const maxAgeText = nonEmpty(maxAgeSetting, 'give seconds, e.g. 3600, or leave it out to refuse tokens without exp');
  if (maxAgeText !== undefined && !/^[1-9]\d{0,9}$/.test(maxAgeText.trim())) {
    throw new CliUsageError(`${maxAgeSetting!.source} must be a whole number of seconds (1 or more), got "${maxAgeText}".`);
  }
  const maxTokenAge = maxAgeText !== undefined ? Number(maxAgeText.trim()) : undefined;
  const publicUrl = url(setting(values, env, 'public-url', 'BILLKIT_PUBLIC_URL'), HTTP, 'an http(s) origin such as https://billing.example.com');

  const originsSetting = setting(values, env, 'allowed-origins', 'BILLKIT_ALLOWED_ORIGINS');
  // An empty list would silently mean "any origin": refuse it.
  const allowedOrigins = nonEmpty(originsSetting, 'give origins like https://app.example.com, comma-separated, or leave it out to allow any')
    ?.split(',')
    .map((o) => new URL(url({ value: o.trim(), source: originsSetting!.source }, HTTP, 'comma-separated origins like https://app.example.com')!).origin);

  const secretKey = nonEmpty(setting(values, env, 'stripe-secret-key', 'STRIPE_SECRET_KEY'), 'give a Stripe secret key (sk_…) or leave it out for the test processor');
  const publishableKey = nonEmpty(setting(values, env, 'stripe-publishable-key', 'STRIPE_PUBLISHABLE_KEY'), 'give a Stripe publishable key (pk_…) or leave it out');
  const stripeWebhookSecret = nonEmpty(setting(values, env, 'stripe-webhook-secret', 'STRIPE_WEBHOOK_SECRET'), 'give the endpoint secret (whsec_…) or leave it out');
  if (secretKey === undefined && typeof values['stripe-publishable-key'] === 'string') throw new CliUsageError('--stripe-publishable-key needs --stripe-secret-key.');
  if (secretKey === undefined && typeof values['stripe-webhook-secret'] === 'string') throw new CliUsageError('--stripe-webhook-secret needs --stripe-secret-key.');
  const metersSetting = setting(values, env, 'stripe-meters', 'STRIPE_METERS');
  if (secretKey === undefined && typeof values['stripe-meters'] === 'string') throw new CliUsageError('--stripe-meters needs --stripe-secret-key.');
  const meters = metersSetting ? readMeters(metersSetting) : undefined;

  const retrySetting = setting(values, env, 'dunning-retry-days', 'BILLKIT_DUNNING_RETRY_DAYS');
  const retryDays = retrySetting ? readRetryDays(retrySetting) : undefined;
  const latencySetting = setting(values, env, 'test-processor-latency', 'BILLKIT_TEST_PROCESSOR_LATENCY_MS');
  let testProcessorLatencyMs: number | undefined;
  if (latencySetting) {
    testProcessorLatencyMs = Number(latencySetting.value);
    if (!/^\d+$/.test(latencySetting.value) || testProcessorLatencyMs > 60_000) {
      throw new CliUsageError(`${latencySetting.source} must be a whole number of milliseconds up to 60000, got "${latencySetting.value}".`);
    }
  }

  return {
    port,
    hostname,
    dataDir,
    memory,
    seed,
    devClock: values['dev-clock'] === true || (env.BILLKIT_DEV_CLOCK !== undefined && env.BILLKIT_DEV_CLOCK !== '' && env.BILLKIT_DEV_CLOCK !== '0'),
    ...(retryDays ? { retryDays } : {}),
    ...(testProcessorLatencyMs !== undefined ? { testProcessorLatencyMs } : {}),
    ...(jwtSecret !== undefined ? { jwtSecret } : {}),
    ...(jwksUrl !== undefined ? { jwksUrl } : {}),
    ...(webhookUrl !== undefined ? { webhookUrl } : {}),
    ...(webhookSecret !== undefined ? { webhookSecret } : {}),
    ...(databaseUrl !== undefined ? { databaseUrl } : {}),
    ...(apiKey !== undefined ? { apiKey } : {}),
    ...(maxTokenAge !== undefined ? { maxTokenAge } : {}),
    ...(allowedOrigins ? { allowedOrigins } : {}),
    ...(publicUrl !== undefined ? { publicUrl } : {}),
    ...(secretKey !== undefined
      ? {
          stripe: {
            secretKey,
            ...(publishableKey !== undefined ? { publishableKey } : {}),
            ...(stripeWebhookSecret !== undefined ? { webhookSecret: stripeWebhookSecret } : {}),
            ...(meters ? { meters } : {}),
          },
        }
      : {}),
  };
}

/** `api_calls=api_calls,storage=storage_gb`: Billkit metric = Stripe meter `event_name`, comma-separated. */
function readMeters(s: Setting): Record<string, string> {
  const meters: Record<string, string> = {};
  for (const pair of s.value.split(',')) {
    const match = /^\s*([a-z0-9_]{1,64})\s*=\s*([A-Za-z0-9_.:-]{1,100})\s*$/.exec(pair);
    if (!match) throw new CliUsageError(`${s.source} must be metric=event_name pairs, comma-separated (e.g. api_calls=api_calls), got "${s.value}".`);
    meters[match[1]!] = match[2]!;
  }
  return meters;
}

/** `3,5,7`: increasing whole days (1..365), at most 10; `none` for no retries (cancel at the first failure). */
function readRetryDays(s: Setting): number[] {
  if (s.value.trim() === 'none') return [];
  const days = s.value.split(',').map((d) => d.trim());
  const ok =
    days.length <= 10 &&
    days.every((d) => /^\d{1,3}$/.test(d) && Number(d) >= 1 && Number(d) <= 365) &&
    days.every((d, i) => i === 0 || Number(d) > Number(days[i - 1]));
  if (!ok) throw new CliUsageError(`${s.source} must be increasing days like 3,5,7 (at most 10, each 1..365) or none, got "${s.value}".`);
  return days.map(Number);
}

/** What `billkit-proxy token` runs with. */
export interface TokenConfig {
  user: string;
  org?: string;
  dataDir: string;
  /** Sign with this instead of the data folder's dev key. */
  jwtSecret?: string;
}

/** Reads and checks the `token` command's flags; throws {@link CliUsageError}. */
export function readTokenConfig(values: CliValues, env: Env): TokenConfig {
  if (typeof values.user !== 'string') throw new CliUsageError('token needs --user <id>.');
  const user = nonEmpty(setting(values, env, 'user'), 'give a user id')!;
  const org = nonEmpty(setting(values, env, 'org'), 'give an organisation id or leave it out');
  const dataDir = resolve(nonEmpty(setting(values, env, 'data-dir', 'BILLKIT_DATA_DIR'), 'give a folder (default .billkit)') ?? '.billkit');
  const jwtSecret = nonEmpty(setting(values, env, 'jwt-secret', 'BILLKIT_JWT_SECRET'), 'give the HS256 secret, or unset it to sign with the data folder key');
  return { user, dataDir, ...(org !== undefined ? { org } : {}), ...(jwtSecret !== undefined ? { jwtSecret } : {}) };
}
