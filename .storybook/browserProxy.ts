/**
 * The reference proxy, running in the Storybook page: the real `createProxyApp` over an
 * in-memory PGlite store, reached through msw (a service worker hands every
 * `/api/proxy/billing/*`, `/api/v1/billing/*` and `/api/dev/*` request to `app.fetch`). So stories show
 * what the proxy really answers, and Cancel / Resume really change its data.
 *
 * One PGlite instance is initialised per page load (~2-3 s). A story gets the demo seed,
 * or a catalogue of its own (pricing variants), in a "world": a store cloned from the
 * empty migrated template and seeded. A world is reused by the next story that asks for
 * the same seed unless a request changed it (any non-GET), so every story starts from
 * its documented state.
 */
import { http, type HttpHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createProxyApp, type ProxyApp } from '../src/server/app';
import { mintDevToken } from '../src/server/auth/mintDevToken';
import { seedDemo } from '../src/server/seed/demo';
import type { Store } from '../src/server/store/createStore';
import { openPgliteStore, type PgliteStore } from '../src/server/store/openPgliteStore';
import type { PlanRecord, PriceRecord } from '../src/server/store/records';

const JWT_SECRET = 'billkit-storybook-jwt-secret';
const SIGNING_SECRET = 'billkit-storybook-signing-secret';

/** A plan and its prices, written into the store through its own API. */
export interface CatalogPlan {
  plan: Omit<PlanRecord, 'key' | 'hidden' | 'trial_period_days' | 'trial_by_default' | 'sort_order'> &
    Partial<Pick<PlanRecord, 'key' | 'hidden' | 'trial_period_days' | 'trial_by_default'>>;
  prices: Omit<PriceRecord, 'plan_id' | 'sort_order' | 'model'>[];
}

/** What a story asks of the proxy (`parameters.billkit`). */
export interface BillkitStoryParameters {
  /** The demo subject the story's session token is for: `user_pro`, `org_acme`, … Default `user_free`. */
  subject?: string;
  /** A catalogue instead of the demo seed (pricing variants); `[]` has no plans at all. */
  catalog?: CatalogPlan[];
  /** Work done through the proxy (as the subject) before the story renders, e.g. recording usage. */
  setup?: (proxy: StoryProxy) => Promise<void>;
  /** msw handlers answering before the proxy (loading and error states). */
  handlers?: HttpHandler[];
  /** The provider's locale; default `en-US`. */
  locale?: string;
  /** Mark the story ready without waiting for its requests (stories that never finish loading). */
  readyWithoutData?: boolean;
}

/** What a story's `setup` can use. */
export interface StoryProxy {
  store: Store;
  /** A request to the proxy as the story's subject: `request('/usage', { method: 'POST', body })`. */
  request(path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
  /** Moves the proxy's dev clock forward by `days`, running every renewal, trial end and retry due on the way. */
  advanceClock(days: number): Promise<void>;
}

interface World {
  key: string;
  store: PgliteStore;
  app: ProxyApp;
  dirty: boolean;
}

let worker: SetupWorker | undefined;
let template: Promise<Blob | File> | undefined;
let world: World | undefined;
let switching: Promise<World> = Promise.resolve(undefined as unknown as World);

/** Hands a request to the current world's app; a non-GET marks the world changed. */
async function forward(request: Request): Promise<Response> {
  const current = await switching;
  if (request.method !== 'GET' && request.method !== 'HEAD') current.dirty = true;
  return current.app.fetch(request);
}

async function startWorker(): Promise<void> {
  if (worker) return;
  worker = setupWorker(
    http.all('*/api/proxy/billing/*', ({ request }) => forward(request)),
    http.all('*/api/v1/billing/*', ({ request }) => forward(request)),
    // The dev clock and the devtools' endpoints (the proxy runs in dev mode here).
    http.all('*/api/dev/*', ({ request }) => forward(request)),
  );
  await worker.start({
    serviceWorker: { url: './mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}

async function seedCatalog(store: Store, catalog: CatalogPlan[]): Promise<void> {
  await store.transaction(async (s) => {
    for (const [index, { plan, prices }] of catalog.entries()) {
      await s.insertPlan({
        key: plan.id.replace(/^plan_/, ''),
        hidden: false,
        trial_period_days: 14,
        trial_by_default: false,
        sort_order: index + 1,
        ...plan,
      });
      for (const [order, price] of prices.entries()) {
        await s.insertPrice({ ...price, plan_id: plan.id, model: 'recurring', sort_order: order + 1 });
      }
    }
  });
}

async function openWorld(key: string, catalog: CatalogPlan[] | undefined): Promise<World> {
  // The first store pays PGlite's full init; its migrated, empty state becomes the template.
  let store: PgliteStore;
  if (!template) {
    store = await openPgliteStore();
    template = store.dump();
    await template;
  } else {
    store = await openPgliteStore({ loadDataDir: await template });
  }
  if (catalog) await seedCatalog(store, catalog);
  else await seedDemo(store, { now: new Date() });
  const app = createProxyApp({ store, auth: { secret: JWT_SECRET }, signingSecret: SIGNING_SECRET, devMode: true });
  return { key, store, app, dirty: false };
}

/** A dev session token for a demo subject (`org_*` subjects are billed as the org). */
export function tokenFor(subject: string): Promise<string> {
  return subject.startsWith('org_')
    ? mintDevToken({ secret: JWT_SECRET, user: `${subject}_admin`, org: subject })
    : mintDevToken({ secret: JWT_SECRET, user: subject });
}

/**
 * Makes the proxy ready for a story: the worker started, a clean world with the story's
 * seed, the story's `setup` run, and its msw overrides in front.
 */
export async function prepareStory(parameters: BillkitStoryParameters): Promise<void> {
  await startWorker();
  const key = parameters.catalog ? JSON.stringify(parameters.catalog) : 'demo';
  switching = (async () => {
    await switching.catch(() => undefined);
    if (world && world.key === key && !world.dirty) return world;
    const previous = world;
    world = await openWorld(key, parameters.catalog);
    // Its lifecycle timer stops before its store closes.
    if (previous) void previous.app.close().then(() => previous.store.close());
    return world;
  })();
  const current = await switching;
  worker!.resetHandlers();
  if (parameters.handlers?.length) worker!.use(...parameters.handlers);
  if (parameters.setup) {
    const token = await tokenFor(parameters.subject ?? 'user_free');
    const call = async (path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> =>
      current.app.fetch(
        new Request(new URL(path, window.location.origin), {
          method: init.method ?? 'GET',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
        }),
      );
    await parameters.setup({
      store: current.store,
      request: (path, init) => call(`/api/proxy/billing${path}`, init),
      advanceClock: async (days) => {
        const res = await call('/api/dev/clock/advance', { method: 'POST', body: { seconds: days * 86_400 } });
        if (!res.ok) throw new Error(`advancing the clock failed: ${res.status}`);
      },
    });
    current.dirty = true;
  }
}
