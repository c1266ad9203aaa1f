import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { authMiddleware, devAuthMiddleware } from './auth/authMiddleware';
import { createTokenVerifier, type AuthOptions } from './auth/createTokenVerifier';
import { ProxyError, toProxyError } from './errors';
import { createTestProcessor } from './processor/createTestProcessor';
import type { PaymentProcessor } from './processor/types';
import { activateRoutes } from './routes/activateRoutes';
import { checkoutRoutes } from './routes/checkoutRoutes';
import { hostedCheckoutRoutes } from './routes/hostedCheckoutRoutes';
import { invoicesRoutes } from './routes/invoicesRoutes';
import { openApiRoutes } from './routes/openApiRoutes';
import { plansRoutes } from './routes/plansRoutes';
import { planChangeRoutes } from './routes/planChangeRoutes';
import type { ApiEnv, RouteContext } from './routes/RouteContext';
import { isStripeProcessor, stripeWebhookRoutes } from './routes/stripeWebhookRoutes';
import { subscriptionRoutes } from './routes/subscriptionRoutes';
import { usageRoutes } from './routes/usageRoutes';
import type { Store } from './store/Store';
import { createOutboxWorker, type OutboxHandler } from './outbox/createOutboxWorker';
import { processorJobHandler, type ProcessorJobOptions } from './outbox/processorJobHandler';
import { meterEventsHandler } from './outbox/meterEventsHandler';
import { processorCustomers } from './billing/processorCustomers';
import { webhookDeliveryHandler } from './outbox/webhookDeliveryHandler';
import { OUTBOX_KIND } from './store/outboxQueries';
import { createClock } from './billing/createClock';
import { createLifecycleScheduler, type LifecycleScheduler } from './billing/createLifecycleScheduler';
import { reconcile } from './billing/settlePayments';
import { devClockRoutes } from './routes/devClockRoutes';
import { devToolsRoutes } from './routes/devToolsRoutes';
import { createUsageWriter } from './billing/createUsageWriter';

/** Options of {@link createProxyApp}. */
export interface ProxyAppOptions {
  store: Store;
  /** How session tokens are verified: `{ secret }` (HS256) or `{ jwksUrl }` (RS256 / ES256). */
  auth: AuthOptions;
  /** Secret that signs checkout session ids (HMAC-SHA256). */
  signingSecret: string;
  /** Server API key accepted by `POST /api/v1/billing/activate` and `POST /usage`. */
  apiKey?: string;
  /** Where to POST signed webhook events, and the secret that signs them. */
  webhook?: { url: string; secret: string; retryBaseMs?: number; pollMs?: number; onError?: (id: string, error: string) => void };
  /** Payment processor; the built-in test processor (Stripe test cards) by default. */
  processor?: PaymentProcessor;
  /** Retry settings of the processor jobs (a plan switch canceling the old Stripe subscription). */
  processorJobs?: ProcessorJobOptions;
  /** Origins allowed for success/cancel URLs and CORS. Any http(s) URL / `*` when omitted. */
  allowedOrigins?: string[];
  /** Public origin of the proxy for `checkout_url`; taken from each request when omitted. */
  publicUrl?: string;
  /** Clock, for tests. */
  now?: () => Date;
  /**
   * Full dev mode, for the CLI's dev keys only (never with a real identity provider): user
   * tokens record usage (`POST /usage`), the dev tools endpoints (`/api/dev/token`,
   * `/api/dev/payment-method`, `/api/dev/invoices/:id/pay|void`, `/api/dev/events`) are
   * served, and the dev clock answers any valid session token.
   */
  devMode?: boolean;
  /**
   * The dev clock: `GET /api/dev/clock`, `POST /api/dev/clock/advance` and a clock offset
   * kept in the store's settings. Default: `devMode`. Off, those routes are 404s. Outside
   * dev mode (`--dev-clock` with a real identity provider) only the API key and operator
   * tokens (see `operatorKey`) reach it; a session token gets a 404.
   */
  devClock?: boolean;
  /**
   * The proxy's own dev key (HS256): the only key whose tokens' `billkit_dev: "operator"`
   * claim is honoured (the dev clock then lists every subject's events), and only on the
   * dev routes. Default: `auth.secret` in dev mode, none otherwise (then only the API key
   * is an operator). The CLI passes the data folder's key, which `billkit-proxy clock` signs with.
   */
  operatorKey?: string;
  /**
   * The subscription lifecycle (renewals, trial ends, dunning, cancellation at period end):
   * `retryDays` after a failed charge (default 3, 5, 7), how often the scheduler looks for
   * due steps (`pollMs`, default 1000), how long a subscription whose step threw is put off
   * (`failureBackoffMs`, default 60 s, doubling per failure in a row, at most 1 h; the
   * failure goes to `onError`), and `timer: false` to run steps only on a clock advance.
   */
  lifecycle?: { retryDays?: readonly number[]; failureBackoffMs?: number; pollMs?: number; timer?: boolean; onError?: (error: unknown) => void };
}

/** The webhook delivery loop of a {@link ProxyApp}. */
export interface WebhookDeliverer {
  /** Starts delivering; events left pending before a restart are tried first. */
  start(): void;
  /** Checks the outbox now. */
  kick(): void;
  /** Stops the outbox worker after the attempt in flight. */
  stop(): Promise<void>;
}

/**
 * Mounts the JSON API of the proxy on `app`, keeping Hono's route types: the billing routes
 * under `/api/proxy/billing` and the activation under `/api/v1/billing`.
 */
function mountBillingApi(app: Hono<ApiEnv>, ctx: RouteContext) {
  const billing = new Hono<ApiEnv>()
    .route('/', plansRoutes(ctx))
    .route('/', subscriptionRoutes(ctx))
    .route('/', checkoutRoutes(ctx))
    .route('/', usageRoutes(ctx))
    .route('/', invoicesRoutes(ctx))
    .route('/', planChangeRoutes(ctx));
  return app.route('/api/proxy/billing', billing).route('/api/v1/billing', activateRoutes(ctx));
}

/**
 * The typed routes of the proxy's JSON API (`/api/proxy/billing/*` and
 * `POST /api/v1/billing/activate`): each route's path, validated input and JSON answers, for
 * Hono's RPC client (`hc<ProxyAppType>(url)`) in code that talks to the proxy itself.
 */
export type ProxyAppType = ReturnType<typeof mountBillingApi>;

/** The Hono app (typed as {@link ProxyAppType}) plus what owns resources beyond requests. */
export type ProxyApp = ProxyAppType & {
  /** The webhook delivery loop, when a webhook URL is configured (started by `start()`). */
  webhooks: WebhookDeliverer | null;
  /** The lifecycle scheduler (its timer runs from creation unless `lifecycle.timer` is false). */
  lifecycle: LifecycleScheduler;
  /** Stops background work (webhook delivery). Does not close the store. */
  close(): Promise<void>;
};

const MAX_BODY_BYTES = 64 * 1024;
/** `POST /usage` may carry a batch of up to 1,000 events (~110 bytes each with a key). */
const MAX_USAGE_BODY_BYTES = 512 * 1024;
const USAGE_PATH = '/api/proxy/billing/usage';
/** Methods whose body no route reads, so the 64 kB limit is not checked for them. */
const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function errorResponse(c: Context, error: ProxyError) {
  return c.json(error.toBody(), error.status);
}

/**
 * Builds the reference billing proxy as a Hono app: `app.fetch` serves it (Node, tests,
 * or a browser via msw), `app.request()` tests it without a port. Routes validate input
 * and call the billing rules, which use the store and the payment processor.
 *
 * Endpoints: `/api/proxy/billing/*` (session token required), `POST /api/v1/billing/activate`
 * (session token or API key), the hosted checkout page `/billing/checkout/:session_id`, and
 * `GET /openapi.json` (no token), generated from the endpoint table (routes/endpoints.ts).
 */
export function createProxyApp(options: ProxyAppOptions): ProxyApp {
  const baseNow = options.now ?? (() => new Date());
  const devMode = options.devMode ?? false;
  const devClock = options.devClock ?? devMode;
  // The one clock of the billing rules; the dev clock adds its persisted offset.
  const clock = createClock({ store: options.store, base: baseNow, persist: devClock });
  // A failed read leaves the offset at 0 (and is logged) rather than failing every request.
  const clockLoaded = devClock
    ? clock.load().catch((error: unknown) => console.error('[billkit-proxy] could not read the dev clock offset', error))
    : null;
  const now = clock.now;
  // The test processor keeps its ledger in the store, so it survives restarts like a real processor's records.
  const processor = options.processor ?? createTestProcessor({ ledger: options.store, now: baseNow });
  // One worker for every after-commit job kind of the outbox. Only processors that hold
  // subscriptions themselves get jobs, started at once so jobs left pending by an earlier
  // run are carried out; webhooks are delivered once `app.webhooks.start()` is called.
  const handlers: Record<string, OutboxHandler> = {};
  if (options.webhook) handlers[OUTBOX_KIND.webhook] = webhookDeliveryHandler(options.webhook);
  if (processor.cancelSubscription) handlers[OUTBOX_KIND.cancelSubscription] = processorJobHandler(processor, options.processorJobs);
  // A processor that meters usage (Stripe with `meters`) gets the usage of its metrics after commit.
  const meteredMetrics = processor.sendUsage && processor.meteredMetrics?.length ? processor.meteredMetrics : null;
  if (meteredMetrics) handlers[OUTBOX_KIND.meterEvents] = meterEventsHandler(processor, processorCustomers(options.store, processor), options.processorJobs);
  // The shortest poll asked for serves every kind (each kind keeps its own retry backoff).
  const polls = [options.webhook?.pollMs, options.processorJobs?.pollMs].filter((ms): ms is number => ms !== undefined);
  const pollMs = polls.length > 0 ? Math.min(...polls) : 1000;
  const hasJobs = Object.keys(handlers).length > 0;
  const outbox = hasJobs ? createOutboxWorker({ store: options.store, handlers, pollMs, now: baseNow }) : null;
  if (processor.cancelSubscription) outbox!.start(OUTBOX_KIND.cancelSubscription);
  if (meteredMetrics) outbox!.start(OUTBOX_KIND.meterEvents);
  const webhooks: WebhookDeliverer | null =
    outbox && options.webhook
      ? { start: () => outbox.start(OUTBOX_KIND.webhook), kick: () => outbox.kick(), stop: () => outbox.stop() }
      : null;
  const ctx: RouteContext = {
    store: options.store,
    processor,
    now,
    wallNow: baseNow,
    signingSecret: options.signingSecret,
    // In dev mode events are recorded even without a webhook URL, so the dev tools can show them.
    webhooks: webhooks !== null || devMode,
    ...(webhooks ? { onEventsWritten: () => outbox!.kick() } : {}),
    ...(processor.cancelSubscription ? { onProcessorJobsWritten: () => outbox!.kick() } : {}),
    devMode,
    usageWriter: createUsageWriter({
      store: options.store,
      now,
      ...(meteredMetrics ? { forward: { metrics: meteredMetrics, wallNow: baseNow, onWritten: () => outbox!.kick() } } : {}),
    }),
    ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl.replace(/\/+$/, '') } : {}),
  };
  const lifecycle = createLifecycleScheduler({
    ctx,
    clock,
    ...(options.lifecycle?.retryDays ? { retryDays: options.lifecycle.retryDays } : {}),
    ...(options.lifecycle?.pollMs ? { pollMs: options.lifecycle.pollMs } : {}),
    ...(options.lifecycle?.failureBackoffMs !== undefined ? { failureBackoffMs: options.lifecycle.failureBackoffMs } : {}),
    onError: options.lifecycle?.onError ?? ((error) => console.error('[billkit-proxy] lifecycle run failed (will retry)', error)),
  });
  // Token expiry is checked against real time: a dev clock months ahead must not expire the session.
  const verify = createTokenVerifier(options.auth, baseNow);
  if (options.lifecycle?.timer !== false) lifecycle.start();
  const auth = authMiddleware({ verify, ...(options.apiKey ? { apiKey: options.apiKey } : {}) });

  const app = new Hono<ApiEnv>();
  app.onError((error, c) => {
    const known = toProxyError(error);
    if (known) return errorResponse(c, known);
    if (error instanceof HTTPException && error.status < 500) {
      return errorResponse(c, new ProxyError(error.status as 400, 'bad_request', error.message || 'Bad request.'));
    }
    // Never a stack trace on the wire; the operator's console gets it.
    console.error('[billkit-proxy] unexpected error', error);
    return errorResponse(c, new ProxyError(500, 'internal_error', 'Something went wrong on the billing proxy.'));
  });
  app.notFound((c) => errorResponse(c, new ProxyError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`)));
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        c.json(
          new ProxyError(405, 'method_not_allowed', `${c.req.method} is not allowed here; use ${methods.join(', ')}.`).toBody(),
          405,
          { Allow: methods.join(', ') },
        ),
    }),
  );
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => errorResponse(c, new ProxyError(413, 'payload_too_large', 'The request body is larger than 64 kB.')),
  });
  // Only where a body can matter: bodyLimit reads `c.req.raw.body`, which makes
  // @hono/node-server build a full undici Request (~38% of the CPU of a GET /subscription).
  const limitUsageBody = bodyLimit({
    maxSize: MAX_USAGE_BODY_BYTES,
    onError: (c) => errorResponse(c, new ProxyError(413, 'payload_too_large', 'The request body is larger than 512 kB.')),
  });
  app.use((c, next) =>
    BODYLESS_METHODS.has(c.req.method) ? next() : c.req.path === USAGE_PATH ? limitUsageBody(c, next) : limitBody(c, next),
  );
  app.use(
    '/api/*',
    cors({
      origin: options.allowedOrigins ?? '*',
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      exposeHeaders: ['Content-Disposition'],
      maxAge: 600,
    }),
  );
  // Nothing answers before the dev clock's persisted offset is read, nor before the payments
  // a crashed run left in flight are settled as the processor saw them (billing/payments.ts).
  const reconciled = reconcile(ctx).catch((error: unknown) => console.error('[billkit-proxy] could not reconcile payments left in flight (retried before each charge)', error));
  app.use(async (_c, next) => {
    if (clockLoaded) await clockLoaded;
    await reconciled;
    await next();
  });
  app.use('/api/proxy/billing/*', auth);
  app.use('/api/v1/billing/*', auth);

  const api = mountBillingApi(app, ctx);
  app.route('/', hostedCheckoutRoutes(ctx));
  app.route('/', openApiRoutes());
  // Stripe tells the proxy about payments it took itself (verified by Stripe-Signature, no Bearer).
  if (isStripeProcessor(ctx.processor)) app.route('/', stripeWebhookRoutes(ctx, ctx.processor));
  if (devClock) {
    // Operator tokens are checked against the proxy's own dev key only, never the identity provider's.
    const operatorKey = options.operatorKey ?? (devMode && 'secret' in options.auth ? options.auth.secret : undefined);
    const verifyOperator = operatorKey ? createTokenVerifier({ secret: operatorKey }, baseNow, { operator: true }) : null;
    app.use(
      '/api/dev/*',
      devAuthMiddleware({ verify, verifyOperator, subjects: devMode, ...(options.apiKey ? { apiKey: options.apiKey } : {}) }),
    );
    app.route('/api/dev', devClockRoutes(clock, lifecycle));
  }
  // Voiding, paying, test cards and subject switching: full dev mode only, never beside a real identity provider.
  if (devClock && devMode) {
    app.route(
      '/api/dev',
      devToolsRoutes(ctx, {
        tokenSecret: 'secret' in options.auth ? options.auth.secret : null,
        webhookUrl: webhooks !== null,
        realNow: baseNow,
      }),
    );
  }

  return Object.assign(api, {
    webhooks,
    lifecycle,
    close: async () => {
      await ctx.usageWriter.drain();
      await lifecycle.stop();
      await outbox?.stop();
    },
  });
}
