import { describe, expect, it, vi } from 'vitest';
import { closeAfterEach } from '../../helpers/closeAfterEach';
import { startTestProxy } from '../../helpers/proxy';
import { startWebhookReceiver } from '../../helpers/webhookReceiver';
import { as, FIXED_NOW } from '../../helpers/http';
import { advance, CARDS, days, subscribe, subscriptionOf } from '../../helpers/lifecycle';

const SECRET = 'whsec_lifecycle';

const defer = closeAfterEach();

/** A local webhook receiver that keeps every verified event it accepts. */
async function receiver() {
  const hooks = await startWebhookReceiver({ secret: SECRET });
  defer(hooks.close);
  return hooks;
}

describe('lifecycle webhooks', () => {
  it('sends a signed event for each step of a failing trial, in order, stamped with its instant', async () => {
    const hooks = await receiver();
    const proxy = await startTestProxy({
      now: () => new Date(FIXED_NOW),
      webhook: { url: hooks.url, secret: SECRET, retryBaseMs: 50, pollMs: 50 },
    });
    defer(proxy.close);
    await subscribe(proxy, 'user_free', { trial_days: 7, card: CARDS.chargeFails });
    const steps = [...(await advance(proxy, days(7))).body.events, ...(await advance(proxy, days(7))).body.events];
    const mine = steps.filter((e: { subject: string }) => e.subject === 'user_free');
    await vi.waitFor(() => expect(hooks.events.length).toBeGreaterThanOrEqual(4 + steps.length), { timeout: 10_000 });
    const received = hooks.events.filter((e) => e.data.object.id && mine.some((m: { id: string }) => m.id === e.data.object.id));
    const lifecycle = received.slice(received.findIndex((e) => e.type === 'subscription.trial_will_end'));
    expect(lifecycle.map((e) => [e.type, e.data.object.id])).toEqual(mine.map((e: { type: string; id: string }) => [e.type, e.id]));
    expect(lifecycle.map((e) => e.type)).toEqual([
      'subscription.trial_will_end',
      'invoice.created',
      'invoice.payment_failed',
      'subscription.updated',
      'invoice.payment_failed',
      'invoice.payment_failed',
      'invoice.payment_failed',
      'invoice.marked_uncollectible',
      'subscription.canceled',
    ]);
    // Each event carries the instant of its step: trial end (Apr 18), then the retries 3, 5, 7 days on.
    const at = (iso: string) => Date.parse(iso) / 1000;
    expect(lifecycle.map((e) => e.created)).toEqual([
      at('2025-04-15T12:00:00Z'),
      ...Array(3).fill(at('2025-04-18T12:00:00Z')),
      at('2025-04-21T12:00:00Z'),
      at('2025-04-23T12:00:00Z'),
      ...Array(3).fill(at('2025-04-25T12:00:00Z')),
    ]);
    expect(lifecycle[3]!.data.object).toMatchObject({ status: 'past_due', current_period_start: '2025-04-18T12:00:00Z' });
    expect(lifecycle[7]!.data.object).toMatchObject({ status: 'uncollectible', amount_due: 900 });
  });
});

describe('lifecycle scheduler', () => {
  it('renews by itself when the clock passes the period end, without an advance', async () => {
    let now = new Date(FIXED_NOW);
    const proxy = await startTestProxy({ now: () => now, lifecycle: { pollMs: 25 } });
    defer(proxy.close);
    await subscribe(proxy, 'user_free');
    now = new Date('2025-05-11T12:00:01Z');
    await vi.waitFor(async () => expect(await subscriptionOf(proxy, 'user_free')).toMatchObject({ current_period_start: '2025-05-11T12:00:00Z' }), {
      timeout: 5000,
    });
    const invoices = (await as(proxy, 'user_free').get('/invoices')).body.invoices;
    expect(invoices.map((i: { status: string }) => i.status)).toEqual(['paid', 'paid']);
  });
});
