import fc from 'fast-check';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyApp, type ProxyApp } from '../../src/server/app';
import { mintDevToken } from '../../src/server/auth/mintDevToken';
import { createStripeProcessor } from '../../src/server/processor/stripe';
import { TEST_ORIGIN, TEST_SECRETS } from '../helpers/proxy';
import { openSnapshotStore, type SnapshotStore } from '../helpers/snapshotStore';
import { startFakeStripeApi, type FakeStripeApi } from '../helpers/stripeFakeApi';

// The card-setup endpoints on the Stripe processor (against the local Stripe fake), fuzzed
// like test/server/fuzz.test.ts does for the test processor: arbitrary path ids, bodies and
// signed setup_intent.succeeded events never make a 500, every error is the documented
// JSON, and a 4xx writes nothing (every table's rows hashed before and after).
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const WEBHOOK_SECRET = 'whsec_billkit_fuzz';

let db: SnapshotStore;
let app: ProxyApp;
let fake: FakeStripeApi;
let token: string;
let setup: { setup_id: string; client_secret: string };

beforeAll(async () => {
  fake = await startFakeStripeApi();
  db = await openSnapshotStore();
  const { store } = db;
  const processor = createStripeProcessor({
    secretKey: 'sk_test_fuzz',
    publishableKey: 'pk_test_fuzz',
    webhookSecret: WEBHOOK_SECRET,
    config: { host: fake.host, port: fake.port, protocol: 'http', maxNetworkRetries: 0 },
  });
  app = createProxyApp({ store, auth: { secret: TEST_SECRETS.jwt }, signingSecret: TEST_SECRETS.signing, processor });
  token = await mintDevToken({ secret: TEST_SECRETS.jwt, user: 'user_fuzz_stripe' });
  setup = (await call('POST', '/api/proxy/billing/payment-method/setup', { token: await mintDevToken({ secret: TEST_SECRETS.jwt, user: 'user_free' }) }).then((r) => r.json())) as typeof setup;
}, 60_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
  await fake?.close();
});

async function call(method: string, path: string, init: { token?: string | null; body?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['Content-Type'] ??= 'application/json';
  return app.fetch(new Request(new URL(path, TEST_ORIGIN), { method, headers, ...(init.body !== undefined ? { body: init.body } : {}) }));
}

const snapshot = () => db.snapshot();

const hostile = fc.oneof(
  fc.string({ unit: fc.constantFrom('\u0000', '\r', '\n', '\ud800', '%', '/', '"', 'a', ' '), minLength: 1, maxLength: 6 }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', 'seti_nope', 'seti_x_secret_y', 'user_free', 'org'),
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(hostile, fc.integer(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }));
const encode = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ff';
  }
};
const setupId = fc.oneof(hostile.filter((s) => s !== '').map(encode), fc.constant(null).map(() => setup.setup_id));
/** A confirm body near a valid one: the secret replaced, a field added or left out, or any JSON. */
const confirmBody = fc.oneof(
  fc.constant(null).chain(() => fc.record({ client_secret: fc.oneof(anyValue, fc.constant(setup.client_secret)) })),
  fc.record({ client_secret: hostile, card: anyValue }),
  fc.dictionary(fc.constantFrom('client_secret', 'card', 'approve'), anyValue, { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
);

const errorShape = (body: unknown) =>
  typeof body === 'object' &&
  body !== null &&
  Object.keys(body).join() === 'error' &&
  typeof (body as { error: { code: unknown } }).error.code === 'string' &&
  typeof (body as { error: { message: unknown } }).error.message === 'string';

async function expectDocumented(res: Response, before: Record<string, string>) {
  const text = await res.text();
  expect(res.status, text).toBeLessThan(500);
  if (res.status >= 400 && res.status !== 402) {
    expect(errorShape(JSON.parse(text)), text).toBe(true);
    expect(await snapshot()).toEqual(before);
  }
}

describe('fuzzing the card-setup endpoints on Stripe', () => {
  it('POST /payment-method/setup/:setup_id/confirm: never a 500, errors are the documented JSON, a 4xx writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(setupId, confirmBody, fc.boolean(), async (id, body, own) => {
        const before = await snapshot();
        const res = await call('POST', `/api/proxy/billing/payment-method/setup/${id}/confirm`, { token: own ? token : null, body: JSON.stringify(body) });
        await expectDocumented(res, before);
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
  });

  it('POST /payment-method/setup with any body: a setup or the documented error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)), hostile), async (body) => {
        const before = await snapshot();
        const res = await call('POST', '/api/proxy/billing/payment-method/setup', { token, body });
        await expectDocumented(res, before);
      }),
      { numRuns: Math.ceil(RUNS / 2), ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
  });

  it('POST /webhooks/stripe setup_intent.succeeded with any object: never a 500', async () => {
    const signer = new Stripe('sk_test_signer');
    const intent = fc.record(
      {
        id: fc.oneof(hostile, fc.constant(null).map(() => setup.setup_id), anyValue),
        object: fc.constant('setup_intent'),
        status: fc.oneof(fc.constantFrom('succeeded', 'requires_payment_method', 'canceled'), anyValue),
        metadata: fc.oneof(
          fc.record({ billkit_subject: fc.oneof(hostile, fc.constant('user_free')), billkit_subject_kind: fc.oneof(hostile, fc.constantFrom('user', 'org')) }),
          anyValue,
        ),
        payment_method: anyValue,
        last_setup_error: anyValue,
      },
      { requiredKeys: ['object'] },
    );
    await fc.assert(
      fc.asyncProperty(intent, fc.string({ minLength: 1, maxLength: 20 }), async (object, eventId) => {
        const payload = JSON.stringify({ id: `evt_${eventId}`, object: 'event', type: 'setup_intent.succeeded', created: 1, livemode: false, data: { object } });
        const res = await call('POST', '/webhooks/stripe', {
          body: payload,
          headers: { 'Stripe-Signature': signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) },
        });
        const text = await res.text();
        expect(res.status, text).toBeLessThan(500);
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
  });
});
