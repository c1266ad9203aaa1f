#!/usr/bin/env node
/**
 * `billkit-proxy`: the reference billing proxy with no set-up. Flags and environment
 * variables as in `--help`; `billkit-proxy token --user <id> [--org <id>]` prints a dev
 * session token signed with the data folder's key.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mintDevToken } from './auth/mintDevToken';
import type { AuthOptions } from './auth/createTokenVerifier';
import { CliUsageError, readServeConfig, readTokenConfig } from './cliConfig';
import { clockCommand } from './clockCommand';
import { generateKeys, keysFilePath, loadOrCreateKeys } from './keysFile';
import { DEMO_SUBJECTS } from './seed/demo';
import { initializeStore } from './seed/initializeStore';
import { createTestProcessor } from './processor/createTestProcessor';
import { startProxyServer } from './startProxyServer';
import type { Store } from './store/Store';

const HELP = `billkit-proxy: the Billkit reference billing proxy

Usage
  billkit-proxy [options]
  billkit-proxy token --user <id> [--org <id>] [--data-dir <dir>]
  billkit-proxy clock [advance <30d|12h|…|ISO-8601>] [--url <url>]   (the running dev proxy's clock)

Options (environment variable in brackets)
  --port <n>              Port to listen on; 0 picks a free one [PORT] (default 4242)
  --host <name>           Interface to listen on [HOST] (default localhost)
  --data-dir <dir>        Data folder: database and keys [BILLKIT_DATA_DIR] (default .billkit)
  --memory                Keep everything in memory; nothing is written to disk
  --seed <demo|none>      Seed a NEW database with the demo plans and subjects
                          (default demo; none with --database-url)
  --jwt-secret <secret>   Verify session tokens with this HS256 secret [BILLKIT_JWT_SECRET]
  --jwks-url <url>        Verify session tokens (RS256/ES256) with this JWKS [BILLKIT_JWKS_URL]
  --max-token-age <s>     Accept session tokens without exp for this many seconds after
                          their iat [BILLKIT_MAX_TOKEN_AGE] (default: refuse them)
  --webhook-url <url>     POST signed webhook events here [BILLKIT_WEBHOOK_URL]
  --webhook-secret <s>    Secret that signs webhooks [BILLKIT_WEBHOOK_SECRET]
                          (default: generated and kept in the data folder)
  --database-url <url>    Use PostgreSQL instead of the embedded database [DATABASE_URL]
  --api-key <key>         Server API key for /api/v1/billing/activate, POST /usage and (with
                          --dev-clock) the dev clock [BILLKIT_API_KEY]
  --allowed-origins <l>   Comma-separated origins allowed for success/cancel URLs and CORS
                          [BILLKIT_ALLOWED_ORIGINS] (default: any http(s) origin)
  --public-url <url>      Public origin used in checkout_url [BILLKIT_PUBLIC_URL]
  --stripe-secret-key <k> Take payments with Stripe instead of the test processor [STRIPE_SECRET_KEY]
  --stripe-publishable-key <k>  Key for Stripe's PaymentElement in the browser [STRIPE_PUBLISHABLE_KEY]
  --stripe-webhook-secret <s>   Verifies POST /webhooks/stripe [STRIPE_WEBHOOK_SECRET]
  --stripe-meters <l>     Send usage to Stripe Billing Meters: metric=event_name pairs,
                          comma-separated (e.g. api_calls=api_calls) [STRIPE_METERS]
  --dev-clock             With --jwt-secret / --jwks-url: serve the dev clock (/api/dev/clock) to
                          the API key and to billkit-proxy clock (signed with the data folder's
                          key) only; session tokens get a 404 and no dev tool is served
                          [BILLKIT_DEV_CLOCK=1]. Never in production: it moves every subject's time
  --dunning-retry-days <l>  Days after a failed renewal charge at which it is retried, then the
                          subscription is canceled [BILLKIT_DUNNING_RETRY_DAYS] (default 3,5,7; none)
  --test-processor-latency <ms>  The built-in test processor answers every charge this many ms
                          after recording it: a slow processor, for crash and race tests
                          [BILLKIT_TEST_PROCESSOR_LATENCY_MS] (default 0)
  -h, --help              Show this help

Without --jwt-secret or --jwks-url the proxy is in dev mode: it accepts dev tokens signed
with the key in <data-dir>/keys.json, prints one per demo subject at start-up, lets user
tokens record usage (POST /usage) so meters can be tried locally, and serves every dev
surface to any of its tokens: the dev clock and the dev tools of <BillingDevtools/>
(/api/dev/token, /api/dev/payment-method, /api/dev/invoices/:id/pay|void, /api/dev/events).
`;

const env = process.env;

function fail(message: string): never {
  // One line, so it reads well in a container log.
  process.stderr.write(`billkit-proxy: ${message} (billkit-proxy --help for usage)\n`);
  process.exit(2);
}

async function tokenCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      user: { type: 'string' },
      org: { type: 'string' },
      'data-dir': { type: 'string' },
      'jwt-secret': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write('Usage: billkit-proxy token --user <id> [--org <id>] [--data-dir <dir>]\n');
    return;
  }
  const config = readTokenConfig(values, env);
  const secret = config.jwtSecret ?? (await loadOrCreateKeys(config.dataDir)).jwtSecret;
  process.stdout.write(`${await mintDevToken({ secret, user: config.user, ...(config.org !== undefined ? { org: config.org } : {}) })}\n`);
}

async function serveCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      memory: { type: 'boolean' },
      seed: { type: 'string' },
      'jwt-secret': { type: 'string' },
      'jwks-url': { type: 'string' },
      'webhook-url': { type: 'string' },
      'webhook-secret': { type: 'string' },
      'database-url': { type: 'string' },
      'api-key': { type: 'string' },
      'max-token-age': { type: 'string' },
      'allowed-origins': { type: 'string' },
      'public-url': { type: 'string' },
      'stripe-secret-key': { type: 'string' },
      'stripe-publishable-key': { type: 'string' },
      'stripe-webhook-secret': { type: 'string' },
      'stripe-meters': { type: 'string' },
      'dev-clock': { type: 'boolean' },
      'dunning-retry-days': { type: 'string' },
      'test-processor-latency': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const config = readServeConfig(values, env);
  const { port, memory, dataDir, databaseUrl, seed, jwtSecret, jwksUrl, webhookUrl, apiKey, allowedOrigins, publicUrl } = config;
  const stripeKey = config.stripe?.secretKey;
  const stripeWebhookSecret = config.stripe?.webhookSecret;
  const processor = config.stripe
    ? (await import('./processor/stripe')).createStripeProcessor({
        secretKey: config.stripe.secretKey,
        ...(config.stripe.publishableKey ? { publishableKey: config.stripe.publishableKey } : {}),
        ...(stripeWebhookSecret ? { webhookSecret: stripeWebhookSecret } : {}),
        ...(config.stripe.meters ? { meters: config.stripe.meters } : {}),
      })
    : undefined;

  const keys = memory ? generateKeys() : await loadOrCreateKeys(dataDir);
  let store: Store;
  let where: string;
  if (databaseUrl) {
    const { openPostgresStore } = await import('./store/openPostgresStore');
    store = await openPostgresStore(databaseUrl);
    where = `PostgreSQL (${new URL(databaseUrl).host})`;
  } else {
    const { openPgliteStore } = await import('./store/openPgliteStore');
    const pgData = join(dataDir, 'pgdata');
    store = await openPgliteStore(memory ? {} : { dataDir: pgData });
    where = memory ? 'in memory (nothing written to disk)' : `${dataDir} (embedded PostgreSQL)`;
  }
  const { isNew } = await initializeStore(store, { seed });
  // The test processor's ledger lives in the store, so it survives restarts (and is shared by proxies on one PostgreSQL).
  const paymentProcessor =
    processor ??
    createTestProcessor({ ledger: store, ...(config.testProcessorLatencyMs !== undefined ? { latencyMs: config.testProcessorLatencyMs } : {}) });

  const maxAge = config.maxTokenAge !== undefined ? { maxTokenAge: config.maxTokenAge } : {};
  const auth: AuthOptions = jwksUrl ? { jwksUrl, ...maxAge } : { secret: jwtSecret ?? keys.jwtSecret, ...maxAge };
  const devMode = jwtSecret === undefined && jwksUrl === undefined;
  const server = await startProxyServer({
    store,
    auth,
    signingSecret: keys.signingSecret,
    devMode,
    devClock: devMode || config.devClock,
    // The only key whose operator tokens (billkit-proxy clock) the dev clock honours.
    operatorKey: keys.jwtSecret,
    lifecycle: {
      ...(config.retryDays ? { retryDays: config.retryDays } : {}),
      onError: (error: unknown) => console.warn(`[billkit-proxy] lifecycle run failed (will retry): ${error instanceof Error ? error.message : String(error)}`),
    },
    port,
    hostname: config.hostname,
    ...(apiKey ? { apiKey } : {}),
    ...(allowedOrigins ? { allowedOrigins } : {}),
    ...(publicUrl ? { publicUrl } : {}),
    processor: paymentProcessor,
    ...(webhookUrl
      ? {
          webhook: {
            url: webhookUrl,
            secret: config.webhookSecret ?? keys.webhookSecret,
            onError: (id: string, error: string) => console.warn(`[billkit-proxy] webhook ${id} failed: ${error} (will retry)`),
          },
        }
      : {}),
  });

  const lines = [
    `billkit-proxy ready in ${Math.round(performance.now())} ms`,
    `  URL:          ${server.url}`,
    `  API:          ${server.url}/api/proxy/billing`,
    `  Data:         ${where}${isNew && seed === 'demo' ? ', demo seed written' : ''}`,
    `  Auth:         ${jwksUrl ? `JWKS ${jwksUrl}` : jwtSecret ? 'HS256 with --jwt-secret' : `dev tokens (key in ${memory ? 'memory' : keysFilePath(dataDir)})`}`,
    `  Webhooks:     ${webhookUrl ? `POST ${webhookUrl}` : 'off (--webhook-url)'}`,
    `  Lifecycle:    renewals, trial ends and dunning (retries ${config.retryDays ? (config.retryDays.length ? config.retryDays.join(', ') : 'none') : '3, 5, 7'} days after a failure)${devMode || config.devClock ? '; dev clock: billkit-proxy clock advance 30d' : ''}`,
    `  Payments:     ${processor ? `Stripe${stripeKey!.startsWith('sk_live') ? ' (LIVE)' : ' (test mode)'}${stripeWebhookSecret ? `, events at ${server.url}/webhooks/stripe` : ', no --stripe-webhook-secret'}` : 'built-in test processor (Stripe test cards)'}`,
  ];
  if (!devMode && config.devClock) {
    // One line, so it stands out in a container log.
    const holders = [apiKey ? 'the API key' : null, memory ? null : `billkit-proxy clock (key in ${keysFilePath(dataDir)})`].filter(Boolean);
    lines.push(
      `  WARNING:      dev clock on beside a real identity provider (--dev-clock): ${holders.length ? `${holders.join(' and ')} can move every subject's time` : 'nothing can reach it (--memory without --api-key)'}; never use it in production`,
    );
  }
  if (devMode) {
    lines.push('', '  Dev session tokens (valid 30 days; new ones: billkit-proxy token --user <id> [--org <id>]):');
    for (const subject of DEMO_SUBJECTS) {
      const token = await mintDevToken(
        subject.kind === 'org' ? { secret: keys.jwtSecret, user: 'user_free', org: subject.id } : { secret: keys.jwtSecret, user: subject.id },
      );
      lines.push(`    ${subject.id.padEnd(16)} ${token}`, `    ${''.padEnd(16)} (${subject.shows}${subject.kind === 'org' ? '; sub user_free' : ''})`);
    }
  }
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nbillkit-proxy: ${signal}, shutting down…`);
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    try {
      await server.close();
      process.exit(0);
    } catch (error) {
      console.error('billkit-proxy: error while closing', error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  try {
    if (args[0] === 'token') await tokenCommand(args.slice(1));
    else if (args[0] === 'clock') await clockCommand(args.slice(1), env);
    else await serveCommand(args);
  } catch (error) {
    if (error instanceof CliUsageError) fail(error.message);
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) fail(error.message);
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`billkit-proxy: ${message}\n`);
    process.exit(1);
  }
}

void main();
