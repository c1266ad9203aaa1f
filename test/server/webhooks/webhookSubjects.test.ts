import { describe, expect, it, vi } from 'vitest';
import type { WebhookEvent, WebhookSubject } from '../../../src/server/index';
import { closeAfterEach } from '../../helpers/closeAfterEach';
import { as, FIXED_NOW } from '../../helpers/http';
import { advance, CARDS, days, subscribe } from '../../helpers/lifecycle';
import { startTestProxy } from '../../helpers/proxy';
import { startWebhookReceiver } from '../../helpers/webhookReceiver';

const SECRET = 'whsec_subjects';

const defer = closeAfterEach();

/** What a receiver reads off each event to attribute it: the subject, and an invoice's subscription. */
function attribution(event: WebhookEvent): [string, WebhookSubject, string | null] {
  switch (event.type) {
    case 'checkout.session.completed':
      return [event.type, event.subject, event.data.object.subscription];
    case 'invoice.created':
    case 'invoice.paid':
    case 'invoice.payment_failed':
    case 'invoice.marked_uncollectible':
    case 'invoice.voided':
      return [event.type, event.subject, event.data.object.subscription];
    default:
      return [event.type, event.subject, event.data.object.id];
  }
}

describe('webhook payloads name their subject', () => {
  it('for a user and for an org: checkout.session.completed, invoice.payment_failed and subscription.updated carry { kind, id }, invoices their subscription', async () => {
    const hooks = await startWebhookReceiver({ secret: SECRET });
    defer(hooks.close);
    const proxy = await startTestProxy({
      now: () => new Date(FIXED_NOW),
      webhook: { url: hooks.url, secret: SECRET, retryBaseMs: 50, pollMs: 50 },
      lifecycle: { timer: false },
    });
    defer(proxy.close);
    // Both start a 7-day trial on a card whose charges are declined: the trial's end fails to charge.
    await subscribe(proxy, 'user_free', { trial_days: 7, card: CARDS.chargeFails });
    await subscribe(proxy, 'user_free', { trial_days: 7, card: CARDS.chargeFails, org: 'org_acme' });
    const userSub = (await as(proxy, 'user_free').get('/subscription')).body.subscription.id as string;
    const orgSub = (await as(proxy, 'user_free', 'org_acme').get('/subscription')).body.subscription.id as string;
    expect(userSub).not.toBe(orgSub);
    await advance(proxy, days(8));

    const wanted = ['checkout.session.completed', 'invoice.payment_failed', 'subscription.updated'];
    const of = (kind: string, id: string) =>
      (hooks.events as unknown as WebhookEvent[]).filter((e) => e.subject.kind === kind && e.subject.id === id && wanted.includes(e.type));
    await vi.waitFor(() => expect(of('user', 'user_free').length + of('org', 'org_acme').length).toBe(6), { timeout: 10_000 });

    const user = { kind: 'user', id: 'user_free' };
    const org = { kind: 'org', id: 'org_acme' };
    expect(of('user', 'user_free').map(attribution)).toEqual([
      ['checkout.session.completed', user, userSub],
      ['invoice.payment_failed', user, userSub],
      ['subscription.updated', user, userSub],
    ]);
    expect(of('org', 'org_acme').map(attribution)).toEqual([
      ['checkout.session.completed', org, orgSub],
      ['invoice.payment_failed', org, orgSub],
      ['subscription.updated', org, orgSub],
    ]);

    // The checkout session keeps its plain `subject` id and adds what kind it names.
    const completed = hooks.events.filter((e) => e.type === 'checkout.session.completed').map((e) => e.data.object);
    expect(completed).toEqual([
      { id: expect.stringMatching(/^sess_/), subject: 'user_free', subject_kind: 'user', subscription: userSub, amount_total: 0, currency: 'usd' },
      { id: expect.stringMatching(/^sess_/), subject: 'org_acme', subject_kind: 'org', subscription: orgSub, amount_total: 0, currency: 'usd' },
    ]);
    // Every event names a subject, never the store's key.
    for (const event of hooks.events) {
      expect(['user', 'org']).toContain(event.subject.kind);
      expect(event.subject.id).not.toMatch(/^(user|org):/);
    }
  });

  it('the invoice answered by GET /invoices carries its subscription too', async () => {
    const proxy = await startTestProxy({ now: () => new Date(FIXED_NOW), lifecycle: { timer: false } });
    defer(proxy.close);
    const [newest] = (await as(proxy, 'user_pro').get('/invoices')).body.invoices;
    expect(newest.subscription).toBe('sub_demo_pro');
    // The dev tools' event list shows the same payload, subject included.
    await as(proxy, 'user_pro').post('/subscription/cancel', { at_period_end: true });
    const [event] = (await as(proxy, 'user_pro').get('/api/dev/events')).body.events;
    expect(event.payload).toMatchObject({ type: 'subscription.canceled', subject: { kind: 'user', id: 'user_pro' } });
  });
});
