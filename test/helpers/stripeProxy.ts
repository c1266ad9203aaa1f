/**
 * The proxy on the Stripe processor, pointed at the local fake of Stripe's API
 * (stripeFakeApi.ts), and Stripe's side of its webhooks: event envelopes as Stripe
 * documents them, POSTed to `/webhooks/stripe` with Stripe's signature.
 */
import Stripe from 'stripe';
import { createStripeProcessor } from '../../src/server/processor/stripe';
import { startTestProxy, type TestProxy, type TestProxyOptions } from './proxy';
import { startFakeStripeApi, type FakeStripeApi } from './stripeFakeApi';

const stripeHelpers = new Stripe('sk_test_unused');

/** The proxy on Stripe, the fake API it talks to, and the webhook secret it checks. */
export interface StripeProxy {
  proxy: TestProxy;
  fake: FakeStripeApi;
  webhookSecret: string;
  close(): Promise<void>;
}

/**
 * Starts the fake Stripe API and a proxy whose processor is Stripe pointed at it.
 * Billkit's own webhooks go nowhere (nobody listens on port 9): its events stay in the
 * outbox, where tests read them. `processorJobs` is passed on (e.g. short retries).
 */
export async function startStripeProxy(
  options: { webhookSecret: string; processorJobs?: TestProxyOptions['processorJobs'] },
): Promise<StripeProxy> {
  const fake = await startFakeStripeApi();
  const proxy = await startTestProxy({
    processor: createStripeProcessor({
      secretKey: 'sk_test_billkit',
      publishableKey: 'pk_test_billkit',
      webhookSecret: options.webhookSecret,
      config: { host: fake.host, port: fake.port, protocol: 'http', maxNetworkRetries: 0 },
    }),
    webhook: { url: 'http://127.0.0.1:9/hooks', secret: 'billkit_hook_secret', retryBaseMs: 3_600_000, pollMs: 3_600_000, onError: () => {} },
    ...(options.processorJobs ? { processorJobs: options.processorJobs } : {}),
  });
  return {
    proxy,
    fake,
    webhookSecret: options.webhookSecret,
    close: async () => {
      await proxy.close();
      await fake.close();
    },
  };
}

/** An event envelope as Stripe documents it (`object: "event"`), for `data.object`. */
export function stripeEvent(type: string, object: unknown) {
  return {
    id: `evt_test_${Math.random().toString(36).slice(2, 14)}`,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    type,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  };
}

/**
 * POSTs an event to /webhooks/stripe signed as Stripe does (`t=…,v1=…` over "t.payload")
 * with `secret`; `signature` replaces the header (`null` leaves it out), `tamper` changes
 * the payload after signing.
 */
export async function deliverStripeEvent(
  proxy: TestProxy,
  event: unknown,
  options: { secret: string; tamper?: boolean; signature?: string | null },
) {
  const payload = JSON.stringify(event);
  const header =
    options.signature !== undefined ? options.signature : stripeHelpers.webhooks.generateTestHeaderString({ payload, secret: options.secret });
  const res = await proxy.fetch('/webhooks/stripe', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(header === null ? {} : { 'Stripe-Signature': header }) },
    body: options.tamper ? payload.replace('"livemode":false', '"livemode":true') : payload,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
