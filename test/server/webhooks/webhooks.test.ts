import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { signWebhookPayload, verifyWebhookSignature } from '../../../src/server/webhooks/webhookSignature';
import { closeAfterEach } from '../../helpers/closeAfterEach';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { subscribe } from '../../helpers/lifecycle';
import { startWebhookReceiver, type WebhookEvent } from '../../helpers/webhookReceiver';
import { as } from '../../helpers/http';

const SECRET = 'whsec_test_secret';

/**
 * A local receiver on 127.0.0.1 that answers `statuses` in turn (then 200), or what
 * `answer` says for each event.
 */
const receiver = (statuses: number[] = [], answer?: (event: WebhookEvent) => number) => startWebhookReceiver({ statuses, ...(answer ? { answer } : {}) });

/** `user_free` pays Starter monthly in the embedded checkout (4 events: completed, created, invoice created, paid). */
const payStarterAsFreeUser = (proxy: TestProxy) => subscribe(proxy, 'user_free', { price_id: 'price_starter_monthly' });

const defer = closeAfterEach();

describe('webhooks', () => {
  it('POSTs signed events that verifyWebhookSignature accepts', async () => {
    const hooks = await receiver();
    defer(hooks.close);
    const proxy = await startTestProxy({ webhook: { url: hooks.url, secret: SECRET, retryBaseMs: 50, pollMs: 50 } });
    defer(proxy.close);
    await as(proxy, 'user_pro').post('/subscription/cancel', { at_period_end: true });
    await hooks.until(1);
    const [first] = hooks.received;
    expect(first!.event).toEqual({
      id: expect.stringMatching(/^evt_/),
      type: 'subscription.canceled',
      created: expect.any(Number),
      subject: { kind: 'user', id: 'user_pro' },
      sequence: expect.any(Number),
      data: { object: expect.objectContaining({ id: 'sub_demo_pro', cancel_at_period_end: true }) },
    });
    expect(first!.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(await verifyWebhookSignature(first!.body, first!.signature, SECRET)).toBe(true);
    expect(await verifyWebhookSignature(first!.body, first!.signature, 'other')).toBe(false);
    expect(await verifyWebhookSignature(`${first!.body} `, first!.signature, SECRET)).toBe(false);
  });

  it('sends checkout.session.completed, subscription.created, invoice.created and invoice.paid in order', async () => {
    const hooks = await receiver();
    defer(hooks.close);
    const proxy = await startTestProxy({ webhook: { url: hooks.url, secret: SECRET, retryBaseMs: 50, pollMs: 50 } });
    defer(proxy.close);
    await payStarterAsFreeUser(proxy);
    await hooks.until(4);
    expect(hooks.received.map((r) => r.event.type)).toEqual([
      'checkout.session.completed',
      'subscription.created',
      'invoice.created',
      'invoice.paid',
    ]);
  });

  it('retries a receiver that fails first, with backoff', async () => {
    const hooks = await receiver([500, 503]);
    defer(hooks.close);
    const proxy = await startTestProxy({ webhook: { url: hooks.url, secret: SECRET, retryBaseMs: 50, pollMs: 25 } });
    defer(proxy.close);
    await as(proxy, 'user_canceling').post('/subscription/resume');
    await hooks.until(1);
    expect(hooks.attempts()).toBe(3);
    expect(hooks.received[0]!.event.type).toBe('subscription.updated');
    await vi.waitFor(async () => expect(await proxy.store.countPendingWebhookEvents()).toBe(0));
  });

  it("delivers a subject's events in the order they happened when the receiver fails first", async () => {
    // The receiver fails the first attempts: the later events must wait for the first.
    const hooks = await receiver([500, 500, 503]);
    defer(hooks.close);
    const proxy = await startTestProxy({ webhook: { url: hooks.url, secret: SECRET, retryBaseMs: 30, pollMs: 20 } });
    defer(proxy.close);
    await payStarterAsFreeUser(proxy);
    await hooks.until(4);
    expect(hooks.received.map((r) => r.event.type)).toEqual([
      'checkout.session.completed',
      'subscription.created',
      'invoice.created',
      'invoice.paid',
    ]);
    const sequences = hooks.received.map((r) => r.event.sequence);
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
    expect(new Set(sequences).size).toBe(4);
    expect(hooks.attempts()).toBe(7);
  });

  it("holds back only the failing subject's later events", async () => {
    let proBroken = true;
    const triedWhileBroken = new Set<string>();
    const hooks = await receiver([], (event) => {
      if (!proBroken || event.data.object.id !== 'sub_demo_pro') return 200;
      triedWhileBroken.add(event.type);
      return 500;
    });
    defer(hooks.close);
    const proxy = await startTestProxy({ webhook: { url: hooks.url, secret: SECRET, retryBaseMs: 20, pollMs: 20 } });
    defer(proxy.close);
    await as(proxy, 'user_pro').post('/subscription/cancel', { at_period_end: true });
    await as(proxy, 'user_pro').post('/subscription/resume');
    await as(proxy, 'user_canceling').post('/subscription/resume');
    // Another subject's event goes through while user_pro's first one keeps failing …
    await hooks.until(1);
    expect(hooks.received.map((r) => r.event.data.object.id)).toEqual(['sub_demo_canceling']);
    await vi.waitFor(() => expect(hooks.attempts()).toBeGreaterThanOrEqual(5), { timeout: 10_000 });
    // … and user_pro's second event was never tried before its first was delivered.
    expect(hooks.received).toHaveLength(1);
    expect([...triedWhileBroken]).toEqual(['subscription.canceled']);
    proBroken = false;
    await hooks.until(3);
    expect(hooks.received.slice(1).map((r) => [r.event.type, r.event.data.object.cancel_at_period_end])).toEqual([
      ['subscription.canceled', true],
      ['subscription.updated', false],
    ]);
    expect(hooks.received[1]!.event.sequence).toBeLessThan(hooks.received[2]!.event.sequence);
  });

  it('gives an event recorded before payloads named their subject (pending across the upgrade) its subject from the outbox row', async () => {
    const hooks = await receiver();
    defer(hooks.close);
    const proxy = await startTestProxy({ webhook: { url: hooks.url, secret: SECRET, retryBaseMs: 50, pollMs: 50 } });
    defer(proxy.close);
    const payload = JSON.stringify({ id: 'evt_legacy', type: 'invoice.paid', created: 1_744_000_000, data: { object: { id: 'in_legacy' } } });
    await proxy.store.enqueueWebhookEvent({ id: 'evt_legacy', type: 'invoice.paid', subject: 'org:org_acme', payload, created_at: new Date(), next_attempt_at: new Date() });
    await hooks.until(1);
    expect(hooks.received[0]!.event).toMatchObject({ id: 'evt_legacy', subject: { kind: 'org', id: 'org_acme' }, data: { object: { id: 'in_legacy' } } });
  });

  it('keeps undelivered events across a restart and delivers them afterwards', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'billkit-webhooks-'));
    defer(() => rm(dir, { recursive: true, force: true }));
    // Nobody listens here: every attempt fails.
    const deadUrl = 'http://127.0.0.1:9/hooks';
    const first = await startTestProxy({ dataDir: dir, webhook: { url: deadUrl, secret: SECRET, retryBaseMs: 60_000, pollMs: 60_000 } });
    await as(first, 'user_pro').post('/subscription/cancel', { at_period_end: false });
    expect(await first.store.countPendingWebhookEvents()).toBe(1);
    await first.close();

    const hooks = await receiver();
    defer(hooks.close);
    const second = await startTestProxy({ dataDir: dir, webhook: { url: hooks.url, secret: SECRET, retryBaseMs: 50, pollMs: 50 } });
    defer(second.close);
    // The failed attempt scheduled its retry a minute out; the restarted proxy resumes it at once.
    await hooks.until(1);
    expect(hooks.received[0]!.event.type).toBe('subscription.canceled');
  });
});

describe('signWebhookPayload / verifyWebhookSignature', () => {
  it('refuses timestamps outside the tolerance', async () => {
    const body = '{"id":"evt_1"}';
    const old = await signWebhookPayload(body, SECRET, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(await verifyWebhookSignature(body, old, SECRET)).toBe(false);
    expect(await verifyWebhookSignature(body, old, SECRET, { toleranceSeconds: 600 })).toBe(true);
    expect(await verifyWebhookSignature(body, null, SECRET)).toBe(false);
    expect(await verifyWebhookSignature(body, 'garbage', SECRET)).toBe(false);
  });
});
