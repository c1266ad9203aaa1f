import { subjectKey } from '../subjectKey';
import { saveNewSubscription } from '../billing/saveSubscription';
import { addDays, addInterval } from '../billing/time';
import type { Store } from '../store/Store';
import type { PriceUsage } from '../../contract/types';
import { seatsLine, subscriptionLine, sumLines, usageLine } from '../billing/invoiceLines';
import type { InvoiceRecord, SubscriptionRecord } from '../store/records';

/** The demo subjects and what each shows (see README-proxy). */
export const DEMO_SUBJECTS = [
  { id: 'user_free', kind: 'user', name: 'Frida Free', shows: 'no subscription (free tier)' },
  { id: 'user_pro', kind: 'user', name: 'Paula Pro', shows: 'active Pro monthly, 14 paid invoices, 8423 api_calls' },
  { id: 'user_trial', kind: 'user', name: 'Tristan Trial', shows: 'trialing Starter, trial ends in 9 days' },
  { id: 'user_canceling', kind: 'user', name: 'Carla Canceling', shows: 'Pro, cancels at period end' },
  { id: 'user_past_due', kind: 'user', name: 'Pat Pastdue', shows: 'Starter past_due; open, uncollectible and void invoices' },
  { id: 'user_paused', kind: 'user', name: 'Paolo Paused', shows: 'Starter paused; a draft invoice' },
  { id: 'user_incomplete', kind: 'user', name: 'Ines Incomplete', shows: 'Pro incomplete; first invoice open' },
  { id: 'user_canceled', kind: 'user', name: 'Cyril Canceled', shows: 'Pro canceled immediately, inside its period' },
  { id: 'user_metered', kind: 'user', name: 'Mona Metered', shows: 'Pro monthly over its included api_calls: 23,500 this period' },
  { id: 'user_team', kind: 'user', name: 'Tea Team', shows: 'active Team monthly, 5 seats' },
  { id: 'org_acme', kind: 'org', name: 'Acme Inc.', shows: 'free org, for the activation flow' },
] as const;

/**
 * Pro monthly's api_calls (and Team monthly's, beside its seats): 10,000 included (the
 * plan's limit), then $2.00 per 1,000 calls up to 100,000 in the period and $1.50 per 1,000
 * beyond (graduated), billed past the limit.
 */
const PRO_API_CALLS: PriceUsage = {
  metric: 'api_calls',
  included: 10_000,
  mode: 'graduated',
  tiers: [
    { up_to: 100_000, unit_amount: 200, per: 1000 },
    { up_to: null, unit_amount: 150, per: 1000 },
  ],
  at_limit: 'bill',
};

/**
 * Writes the demo catalogue and subjects of the contract into an empty store, in one
 * transaction. Every date is relative to `now`, so the demo always looks current:
 * Starter and Pro (monthly and annual, each with a 14-day trial a checkout asks for with
 * `trial_days`), Team (per seat, monthly and annual, the same trial), the hidden Enterprise plan (no trials), promotion codes
 * SAVE20 / TENOFF / EXPIRED20, and one subject per subscription status.
 */
export async function seedDemo(store: Store, options: { now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  // Periods start at midnight UTC so the dates read naturally.
  const day = (offset: number) => {
    const d = addDays(now, offset);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  };
  await store.transaction(async (s) => {
    await s.insertPlan({
      id: 'plan_starter',
      key: 'starter',
      name: 'Starter',
      description: 'For individuals and small teams',
      features: ['basic_analytics', '5_seats'],
      recommended: false,
      hidden: false,
      trial_period_days: 14,
      trial_by_default: false,
      sort_order: 1,
    });
    await s.insertPlan({
      id: 'plan_pro',
      key: 'pro',
      name: 'Pro',
      description: 'For growing teams that need more',
      features: ['basic_analytics', 'advanced_analytics', 'api_access', '25_seats'],
      recommended: true,
      hidden: false,
      trial_period_days: 14,
      trial_by_default: false,
      sort_order: 2,
    });
    await s.insertPlan({
      id: 'plan_team',
      key: 'team',
      name: 'Team',
      description: 'Pay per seat, from 1 to 500',
      features: ['basic_analytics', 'advanced_analytics', 'api_access', 'shared_workspaces'],
      recommended: false,
      hidden: false,
      trial_period_days: 14,
      trial_by_default: false,
      sort_order: 3,
    });
    await s.insertPlan({
      id: 'plan_enterprise',
      key: 'enterprise',
      name: 'Enterprise',
      description: 'Custom contracts, SSO and unlimited seats',
      features: ['basic_analytics', 'advanced_analytics', 'api_access', 'sso', 'unlimited_seats'],
      recommended: false,
      hidden: true,
      trial_period_days: null,
      trial_by_default: false,
      sort_order: 4,
    });
    const price = (id: string, plan_id: string, amount: number, interval: 'month' | 'year', sort_order: number, usage: PriceUsage[] = []) =>
      s.insertPrice({ id, plan_id, amount, currency: 'usd', interval, model: 'recurring', sort_order, usage });
    await price('price_starter_monthly', 'plan_starter', 900, 'month', 1);
    await price('price_starter_annual', 'plan_starter', 8640, 'year', 2);
    await price('price_pro_monthly', 'plan_pro', 2900, 'month', 1, [PRO_API_CALLS]);
    await price('price_pro_annual', 'plan_pro', 27840, 'year', 2);
    await price('price_enterprise_annual', 'plan_enterprise', 199000, 'year', 1);
    // Team: per seat, 1 to 500 seats; the annual seat saves 20 %, as Starter's and Pro's annual prices do.
    const seat = { currency: 'usd', model: 'per_unit' as const, unit_label: 'seat', min_quantity: 1, max_quantity: 500 };
    // Team monthly also bills API calls past its included ones: seats and usage on one price.
    await s.insertPrice({ ...seat, id: 'price_team_monthly', plan_id: 'plan_team', amount: 1200, interval: 'month', sort_order: 1, usage: [PRO_API_CALLS] });
    await s.insertPrice({ ...seat, id: 'price_team_annual', plan_id: 'plan_team', amount: 11520, interval: 'year', sort_order: 2 });
    // Free tier (no entitled subscription) 1000 api_calls; Starter 2000; Pro 10000; Enterprise unlimited.
    await s.setUsageLimit(null, 'api_calls', 1000);
    await s.setUsageLimit('plan_starter', 'api_calls', 2000);
    await s.setUsageLimit('plan_pro', 'api_calls', 10000);
    await s.setUsageLimit('plan_team', 'api_calls', 10000);
    await s.setUsageLimit('plan_enterprise', 'api_calls', null);

    const promo = { currency: null, duration_in_months: null, expires_at: null };
    await s.insertPromotionCode({ ...promo, code: 'SAVE20', percent_off: 20, amount_off: null, duration: 'forever' });
    await s.insertPromotionCode({ ...promo, code: 'TENOFF', percent_off: null, amount_off: 1000, currency: 'usd', duration: 'once' });
    await s.insertPromotionCode({
      ...promo,
      code: 'EXPIRED20',
      percent_off: 20,
      amount_off: null,
      duration: 'forever',
      expires_at: day(-30),
    });

    for (const subject of DEMO_SUBJECTS) {
      await s.upsertCustomer({
        id: subjectKey(subject.kind, subject.id),
        kind: subject.kind,
        name: subject.name,
        email: subject.kind === 'user' ? `${subject.id.replace('_', '.')}@example.com` : 'billing@acme.example',
        created_at: day(-500),
      });
    }

    let invoiceSeq = 0;
    const subscription = async (
      subject: string,
      price_id: string,
      amount: number,
      interval: 'month',
      // usageBefore[k]: the api_calls of the period before invoice k's, billed on it (in arrears).
      fields: Partial<SubscriptionRecord> & { current_period_start: Date; months: number; usageBefore?: number[] },
      invoiceStatuses: InvoiceRecord['status'][],
    ) => {
      const { months, usageBefore: _usage, ...rest } = fields;
      const id = `sub_demo_${subject.replace(/^(user|org)_/, '')}`;
      const firstStart = addInterval(fields.current_period_start, interval, -(months - 1));
      await saveNewSubscription(s, {
        id,
        subject: subjectKey('user', subject),
        price_id,
        status: 'active',
        current_period_end: addInterval(fields.current_period_start, interval),
        cancel_at_period_end: false,
        trial_end: null,
        canceled_at: null,
        ended_at: null,
        promotion_code: null,
        processor_ref: null,
        created_at: firstStart,
        quantity: 1,
        ...rest,
      });
      const quantity = rest.quantity ?? 1;
      const plan = price_id.includes('team') ? 'Team' : price_id.includes('pro') ? 'Pro' : 'Starter';
      // invoiceStatuses[0] is the newest (current period), then one per earlier period.
      for (let k = 0; k < invoiceStatuses.length; k++) {
        const status = invoiceStatuses[k]!;
        const period_start = addInterval(fields.current_period_start, interval, -k);
        const period_end = addInterval(period_start, interval);
        const paid = status === 'paid';
        const invoiceId = `in_demo_${String(++invoiceSeq).padStart(4, '0')}`;
        const usage = fields.usageBefore?.[k];
        const lines = [
          quantity > 1
            ? seatsLine(`${plan} × ${quantity} seats (monthly)`, quantity, amount / quantity, period_start, period_end)
            : subscriptionLine(`${plan} (monthly)`, amount, period_start, period_end),
        ];
        if (usage !== undefined) {
          lines.push(usageLine(PRO_API_CALLS, usage, addInterval(period_start, interval, -1), period_start));
          await s.insertUsage(subjectKey('user', subject), 'api_calls', usage, addDays(addInterval(period_start, interval, -1), 3));
        }
        const total = sumLines(lines);
        await s.insertInvoice({
          id: invoiceId,
          subject: subjectKey('user', subject),
          subscription_id: id,
          amount_due: total,
          amount_paid: paid ? total : 0,
          currency: 'usd',
          status,
          period_start,
          period_end,
          subtotal: total,
          discount_amount: 0,
          discount_description: null,
          created_at: new Date(period_start.getTime() + 5000),
          lines,
        });
      }
      return id;
    };

    const proStart = day(-10);
    await subscription('user_pro', 'price_pro_monthly', 2900, 'month', { current_period_start: proStart, months: 14 }, Array(14).fill('paid'));
    // 8423 api_calls this period, spread over the days so far.
    const calls = [1200, 950, 1310, 870, 1045, 990, 1130, 928];
    for (let i = 0; i < calls.length; i++) await s.insertUsage(subjectKey('user', 'user_pro'), 'api_calls', calls[i]!, addDays(proStart, i + 0.5));
    // Earlier periods have usage too, which must not count in this one.
    await s.insertUsage(subjectKey('user', 'user_pro'), 'api_calls', 9100, addDays(proStart, -12));

    const trialStart = day(-5);
    await subscription(
      'user_trial',
      'price_starter_monthly',
      0,
      'month',
      { current_period_start: trialStart, current_period_end: day(9), status: 'trialing', trial_end: day(9), months: 1 },
      ['paid'],
    );
    await s.insertUsage(subjectKey('user', 'user_trial'), 'api_calls', 312, addDays(trialStart, 1));

    await subscription(
      'user_canceling',
      'price_pro_monthly',
      2900,
      'month',
      { current_period_start: day(-20), cancel_at_period_end: true, canceled_at: day(-4), months: 3 },
      ['paid', 'paid', 'paid'],
    );
    await subscription(
      'user_past_due',
      'price_starter_monthly',
      900,
      'month',
      { current_period_start: day(-3), status: 'past_due', months: 5 },
      ['open', 'uncollectible', 'void', 'paid', 'paid'],
    );
    await subscription(
      'user_paused',
      'price_starter_monthly',
      900,
      'month',
      { current_period_start: day(-8), status: 'paused', months: 3 },
      ['draft', 'paid', 'paid'],
    );
    await subscription(
      'user_incomplete',
      'price_pro_monthly',
      2900,
      'month',
      { current_period_start: day(-1), status: 'incomplete', months: 1 },
      ['open'],
    );
    await subscription(
      'user_canceled',
      'price_pro_monthly',
      2900,
      'month',
      { current_period_start: day(-12), status: 'canceled', canceled_at: day(-2), ended_at: day(-2), months: 2 },
      ['paid', 'paid'],
    );
    // Over its included calls: 23,500 this period (13,500 billable, $27.00 so far); the
    // current period's invoice billed the 18,200 calls of the one before.
    const meteredStart = day(-15);
    await subscription('user_metered', 'price_pro_monthly', 2900, 'month', { current_period_start: meteredStart, months: 2, usageBefore: [18_200] }, ['paid', 'paid']);
    const meteredCalls = [4200, 3900, 5100, 2800, 4300, 3200];
    for (let i = 0; i < meteredCalls.length; i++) {
      await s.insertUsage(subjectKey('user', 'user_metered'), 'api_calls', meteredCalls[i]!, addDays(meteredStart, 2 * i + 0.5));
    }
    await subscription(
      'user_team',
      'price_team_monthly',
      5 * 1200,
      'month',
      { current_period_start: day(-6), quantity: 5, months: 4 },
      ['paid', 'paid', 'paid', 'paid'],
    );
    // Cards on file, so the lifecycle engine can renew the demo's subscriptions; user_past_due's
    // is Stripe's 0341 (every charge declined): its open invoice is in dunning, retried 2 days from now.
    const visa = { processor_ref: 'pm_card_visa', brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030, created_at: day(-500) };
    for (const subject of ['user_pro', 'user_trial', 'user_canceling', 'user_paused', 'user_metered', 'user_team']) await s.savePaymentMethod({ subject: subjectKey('user', subject), ...visa });
    await s.savePaymentMethod({ ...visa, subject: subjectKey('user', 'user_past_due'), processor_ref: 'pm_card_chargeCustomerFail', last4: '0341' });
    const [pastDueOpen] = await s.openInvoiceIds('sub_demo_past_due');
    if (pastDueOpen) await s.updateInvoicePayment(pastDueOpen, { attempt_count: 2, next_payment_attempt: day(2) });
    await s.setSetting('demo_seeded_at', now.toISOString());
  });
}
