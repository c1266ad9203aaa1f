import { describe, expect, it } from 'vitest';
import { saveSubscription } from '../../../src/server/billing/saveSubscription';
import { proxyPerTest } from '../../helpers/closeAfterEach';
import { as, fixedClock } from '../../helpers/http';
import { advance, invoicesOf, subscribe, subscriptionOf } from '../../helpers/lifecycle';

// A change to a subscription moves its next lifecycle step with it: what the dev clock
// runs, and when, follows the subscription as it is after the change, never as it was.
const { proxyWith } = proxyPerTest({ now: fixedClock });

const mine = (res: { body: { events: any[] } }, subject = 'user_free'): any[] => res.body.events.filter((e) => e.subject === subject);
const types = (events: { type: string }[]) => events.map((e) => e.type);
/** One second before `iso`. */
const justBefore = (iso: string) => new Date(new Date(iso).getTime() - 1000).toISOString();

describe('a change moves the next lifecycle step', () => {
  it('cancel at period end, then resume: the period end renews instead of ending it, and nothing happens before', async () => {
    const proxy = await proxyWith();
    const { body } = await subscribe(proxy, 'user_free');
    const { current_period_end: end, id } = body.subscription;
    await as(proxy, 'user_free').post('/subscription/cancel', { at_period_end: true });
    expect((await as(proxy, 'user_free').post('/subscription/resume', {})).body.subscription.cancel_at_period_end).toBe(false);

    expect(mine(await advance(proxy, { to: justBefore(end) }))).toEqual([]);
    const atEnd = await advance(proxy, { to: end });
    expect(types(mine(atEnd))).toEqual(['invoice.created', 'invoice.paid', 'subscription.updated']);
    expect(await subscriptionOf(proxy, 'user_free')).toMatchObject({ id, status: 'active', current_period_start: end, cancel_at_period_end: false });
    expect(await invoicesOf(proxy, 'user_free')).toHaveLength(2);
  });

  it('cancel at period end: the period end ends it, once; an immediate cancel leaves no step at all', async () => {
    const proxy = await proxyWith();
    const { body } = await subscribe(proxy, 'user_free');
    const end = body.subscription.current_period_end;
    await as(proxy, 'user_free').post('/subscription/cancel', { at_period_end: true });
    expect(mine(await advance(proxy, { to: justBefore(end) }))).toEqual([]);
    expect(types(mine(await advance(proxy, { to: end })))).toEqual(['subscription.canceled']);
    expect(mine(await advance(proxy, { seconds: 62 * 86_400 }))).toEqual([]);

    await subscribe(proxy, 'user_free');
    await as(proxy, 'user_free').post('/subscription/cancel', { at_period_end: false });
    expect(mine(await advance(proxy, { seconds: 62 * 86_400 }))).toEqual([]);
    expect(await invoicesOf(proxy, 'user_free')).toHaveLength(2);
  });

  it('a pause whose resume date moves earlier resumes on the earlier date, not before', async () => {
    const proxy = await proxyWith();
    const paused = (await proxy.store.getSubscription('sub_demo_paused'))!;
    // No pause endpoint yet: the resume date is written as one will write it, through billing's one write.
    const first = await saveSubscription(proxy.store, paused, { resume_at: new Date('2025-04-14T00:00:00Z') });
    await saveSubscription(proxy.store, first, { resume_at: new Date('2025-04-12T00:00:00Z') });

    expect(mine(await advance(proxy, { to: '2025-04-11T23:59:59.000Z' }), 'user_paused')).toEqual([]);
    expect(await subscriptionOf(proxy, 'user_paused')).toMatchObject({ status: 'paused' });
    const resumed = await advance(proxy, { to: '2025-04-12T00:00:00.000Z' });
    expect(mine(resumed, 'user_paused')).toEqual([{ type: 'subscription.updated', subject: 'user_paused', id: 'sub_demo_paused' }]);
    expect(await subscriptionOf(proxy, 'user_paused')).toMatchObject({ status: 'active' });
    expect(mine(await advance(proxy, { to: '2025-04-14T00:00:00.000Z' }), 'user_paused')).toEqual([]);
  });

  it('resuming a pause by hand: its resume date no longer counts, the renewal at its period end is next', async () => {
    const proxy = await proxyWith();
    const paused = (await proxy.store.getSubscription('sub_demo_paused'))!;
    await saveSubscription(proxy.store, paused, { resume_at: new Date('2025-04-12T00:00:00Z') });
    expect((await as(proxy, 'user_paused').post('/subscription/resume', {})).body.subscription.status).toBe('active');

    expect(mine(await advance(proxy, { to: justBefore(paused.current_period_end.toISOString()) }), 'user_paused')).toEqual([]);
    const atEnd = await advance(proxy, { to: paused.current_period_end.toISOString() });
    expect(types(mine(atEnd, 'user_paused'))).toEqual(['invoice.created', 'invoice.paid', 'subscription.updated']);
  });
});
