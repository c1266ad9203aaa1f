import { afterEach, describe, expect, it } from 'vitest';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { fixedClock } from '../../helpers/http';
import { testProcessorCharging } from '../../helpers/processor';
import { advance, days, invoicesOf, subscriptionOf } from '../../helpers/lifecycle';

let proxy: TestProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

/** The test processor, except that charging a card on file throws (an outage) while `down`. */
function flakyProcessor() {
  const state = { down: true, charges: 0 };
  const processor = testProcessorCharging(async (input, real) => {
    state.charges++;
    if (state.down) throw new Error('connect ECONNREFUSED (processor down)');
    return real(input);
  });
  return { processor, state };
}

describe('a lifecycle step that throws', () => {
  it('puts off only its subscription (the others run), is reported, and runs once its delay is over', async () => {
    const { processor, state } = flakyProcessor();
    const reported: Error[] = [];
    // The wall clock the put-off delay is measured on, moved by hand instead of waiting.
    let wall = fixedClock().getTime();
    proxy = await startTestProxy({
      now: () => new Date(wall),
      processor,
      lifecycle: { timer: false, failureBackoffMs: 1000, onError: (error) => reported.push(error as Error) },
    });
    const proBefore = await subscriptionOf(proxy, 'user_pro');
    const invoicesBefore = (await invoicesOf(proxy, 'user_pro')).length;

    // 40 days on: user_pro's renewal charge throws; user_canceling's period end needs no charge.
    const first = await advance(proxy, days(40));
    expect(first.status).toBe(200);
    expect(first.body.events).toContainEqual(expect.objectContaining({ type: 'subscription.canceled', subject: 'user_canceling' }));
    // The renewal's invoice was written (open) before any charge; its charge failed and changed nothing else.
    expect(first.body.events.filter((e: { subject: string }) => e.subject === 'user_pro').map((e: { type: string }) => e.type)).toEqual(['invoice.created']);
    expect(await subscriptionOf(proxy, 'user_pro')).toMatchObject({ status: 'active' });
    const invoices = await invoicesOf(proxy, 'user_pro');
    expect(invoices).toHaveLength(invoicesBefore + 1);
    expect(invoices.filter((i: { status: string }) => i.status === 'open')).toHaveLength(1);
    // Reported, one line per failed step (user_past_due's dunning retry and user_trial's trial end throw too).
    expect(reported.map((error) => error.message)).toContainEqual(
      expect.stringMatching(new RegExp(`^lifecycle step retry of ${proBefore.id} failed \\(1 in a row; next try after .+\\): connect ECONNREFUSED`)),
    );

    // Put off: an immediate run does not charge again.
    const charges = state.charges;
    expect((await advance(proxy, { seconds: 1 })).status).toBe(200);
    expect(state.charges).toBe(charges);

    // The processor is back and the delay is over: the renewal runs.
    state.down = false;
    wall += 2100;
    const later = await advance(proxy, { seconds: 1 });
    expect(later.body.events).toContainEqual(expect.objectContaining({ type: 'invoice.paid', subject: 'user_pro' }));
    const pro = await subscriptionOf(proxy, 'user_pro');
    expect(pro.status).toBe('active');
    expect(new Date(pro.current_period_end).getTime()).toBeGreaterThan(new Date(proBefore.current_period_end).getTime());
  });
});
