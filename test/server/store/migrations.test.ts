import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it } from 'vitest';
import { scheduleOf } from '../../../src/server/billing/lifecycleSchedule';
import { createStore } from '../../../src/server/store/createStore';
import type { Db, DbSession } from '../../../src/server/store/Db';
import { migrate, migrations } from '../../../src/server/store/migrations';

// Migrations run over databases that already hold data: each is checked by building the
// schema as an earlier release left it, writing rows, then migrating to the current one.
let pg: PGlite | undefined;
afterEach(async () => {
  await pg?.close();
  pg = undefined;
});

const sessionOf = (p: Pick<PGlite, 'query' | 'exec'>): DbSession => ({
  query: async <T>(sql: string, params?: unknown[]) => (await p.query<T>(sql, params as unknown[])).rows,
  exec: async (sql: string) => {
    await p.exec(sql);
  },
});

/** A database migrated up to (and including) `version`, as an older release left it. */
async function databaseAt(version: number): Promise<Db> {
  pg = await PGlite.create();
  const p = pg;
  const db: Db = { ...sessionOf(p), transaction: (fn) => p.transaction((tx) => fn(sessionOf(tx))), close: () => p.close() };
  await db.exec(`create table billkit_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())`);
  for (const m of migrations.filter((m) => m.version <= version)) {
    await db.exec(m.sql);
    await db.query(`insert into billkit_migrations (version, name) values ($1, $2)`, [m.version, m.name]);
  }
  await db.exec(`
    insert into plans (id, key, name) values ('plan_pro', 'pro', 'Pro');
    insert into prices (id, plan_id, amount, currency, interval, model) values ('price_pro_monthly', 'plan_pro', 2900, 'usd', 'month', 'recurring');`);
  return db;
}

const version = (name: string) => migrations.find((m) => m.name === name)!.version;

describe('migration subscriptions.ended_at', () => {
  it('gives subscriptions already canceled an ended_at (when canceled), and none to the others', async () => {
    const db = await databaseAt(version('subscriptions.ended_at') - 1);
    await db.exec(`
      insert into subscriptions (id, subject, price_id, status, current_period_start, current_period_end, cancel_at_period_end, canceled_at, created_at) values
        ('sub_live', 'user_a', 'price_pro_monthly', 'active', '2025-04-01', '2025-05-01', false, null, '2025-04-01'),
        ('sub_pending', 'user_b', 'price_pro_monthly', 'active', '2025-04-01', '2025-05-01', true, '2025-04-05', '2025-04-01'),
        ('sub_gone', 'user_c', 'price_pro_monthly', 'canceled', '2025-04-01', '2025-05-01', false, '2025-04-09', '2025-04-01')`);
    await migrate(db);
    const store = createStore(db);
    expect((await store.getSubscription('sub_live'))!.ended_at).toBeNull();
    expect((await store.getSubscription('sub_pending'))!.ended_at).toBeNull();
    expect((await store.getSubscription('sub_gone'))!.ended_at).toEqual(new Date('2025-04-09T00:00:00Z'));
  });
});

describe('migration subject keys user:<id> / org:<id>', () => {
  it('rewrites every subject by its recorded kind, and keeps each subject\'s data together', async () => {
    const db = await databaseAt(version('subject keys user:<id> / org:<id>') - 1);
    await db.exec(`
      insert into customers (id, kind, created_at) values ('user_pro', 'user', '2025-01-01'), ('acme', 'org', '2025-01-01');
      insert into subscriptions (id, subject, price_id, status, current_period_start, current_period_end, created_at) values
        ('sub_u', 'user_pro', 'price_pro_monthly', 'active', '2025-04-01', '2099-05-01', '2025-04-01'),
        ('sub_o', 'acme', 'price_pro_monthly', 'active', '2025-04-01', '2099-05-01', '2025-04-01');
      insert into invoices (id, subject, subscription_id, amount_due, amount_paid, currency, status, period_start, period_end, subtotal, created_at) values
        ('in_u', 'user_pro', 'sub_u', 2900, 2900, 'usd', 'paid', '2025-04-01', '2025-05-01', 2900, '2025-04-01'),
        ('in_o', 'acme', 'sub_o', 2900, 2900, 'usd', 'paid', '2025-04-01', '2025-05-01', 2900, '2025-04-01');
      insert into checkout_sessions (id, subject, subject_kind, price_id, success_url, cancel_url, ui_mode, client_secret, status, amount_subtotal, amount_discount, amount_due_today, currency, expires_at, created_at) values
        ('sess_1', 'beta', 'org', 'price_pro_monthly', 'https://a.example/ok', 'https://a.example/no', 'hosted', 'cs', 'open', 2900, 0, 2900, 'usd', '2099-01-01', '2025-04-01');
      insert into usage_records (subject, metric, quantity, recorded_at) values
        ('user_pro', 'api_calls', 7, '2025-04-02'), ('acme', 'api_calls', 3, '2025-04-02'),
        ('beta', 'api_calls', 2, '2025-04-02'), ('org_gamma', 'api_calls', 1, '2025-04-02'), ('someone', 'api_calls', 4, '2025-04-02');
      insert into idempotency_keys (scope, key, request_hash, status, response, created_at) values
        ('checkout:acme', 'k1', 'h', 200, '{}', '2025-04-02'), ('stripe_event', 'evt_1', 'h', 200, 'applied', '2025-04-02');
      insert into settings (key, value) values ('stripe_customer:user_pro', 'cus_1'), ('demo_seeded_at', 'x');`);
    await migrate(db);
    const store = createStore(db);
    const now = new Date('2025-04-10T00:00:00Z');
    expect((await store.findCurrentSubscription('user:user_pro', now))!.id).toBe('sub_u');
    expect((await store.findCurrentSubscription('org:acme', now))!.id).toBe('sub_o');
    expect(await store.findCurrentSubscription('user_pro', now)).toBeNull();
    expect((await store.getInvoice('org:acme', 'in_o'))!.id).toBe('in_o');
    expect(await store.getCustomer('org:acme')).toMatchObject({ kind: 'org' });
    expect((await store.getCheckoutSession('sess_1'))!.subject).toBe('org:beta');
    const usage = (await db.query<{ subject: string }>(`select subject from usage_records order by subject`)).map((r) => r.subject);
    expect(usage).toEqual(['org:acme', 'org:beta', 'org:org_gamma', 'user:someone', 'user:user_pro']);
    expect(await store.getIdempotency('checkout:org:acme', 'k1')).not.toBeNull();
    expect(await store.getIdempotency('stripe_event', 'evt_1')).not.toBeNull();
    expect(await store.getSetting('stripe_customer:user:user_pro')).toBe('cus_1');
    expect(await store.getSetting('demo_seeded_at')).toBe('x');
  });
});

describe('migration subscriptions.next_step', () => {
  it("schedules every existing subscription's next lifecycle step as billing's rule does", async () => {
    const db = await databaseAt(version('subscriptions.next_step') - 1);
    await db.exec(`
      insert into subscriptions (id, subject, price_id, status, current_period_start, current_period_end, trial_end, trial_will_end_sent_at, resume_at, processor_ref, created_at) values
        ('sub_active', 'user:a', 'price_pro_monthly', 'active', '2025-04-01', '2025-05-01', null, null, null, null, '2025-04-01'),
        ('sub_past_due', 'user:b', 'price_pro_monthly', 'past_due', '2025-04-01', '2025-05-01', null, null, null, null, '2025-04-01'),
        ('sub_trial', 'user:c', 'price_pro_monthly', 'trialing', '2025-04-01', '2025-04-15', '2025-04-15', null, null, null, '2025-04-01'),
        ('sub_trial_sent', 'user:d', 'price_pro_monthly', 'trialing', '2025-04-01', '2025-04-15', '2025-04-15', '2025-04-12', null, null, '2025-04-01'),
        ('sub_paused', 'user:e', 'price_pro_monthly', 'paused', '2025-04-01', '2025-05-01', null, null, '2025-04-20', null, '2025-04-01'),
        ('sub_paused_open', 'user:f', 'price_pro_monthly', 'paused', '2025-04-01', '2025-05-01', null, null, null, null, '2025-04-01'),
        ('sub_incomplete', 'user:g', 'price_pro_monthly', 'incomplete', '2025-04-01', '2025-05-01', null, null, null, null, '2025-04-01'),
        ('sub_canceled', 'user:h', 'price_pro_monthly', 'canceled', '2025-04-01', '2025-05-01', null, null, null, null, '2025-04-01'),
        ('sub_stripe', 'user:i', 'price_pro_monthly', 'active', '2025-04-01', '2025-05-01', null, null, null, 'sub_1', '2025-04-01')`);
    await migrate(db);
    const rows = await db.query<{ id: string; next_step_kind: string | null; next_step_at: unknown }>(
      `select id, next_step_kind, next_step_at from subscriptions order by id`,
    );
    const steps = Object.fromEntries(rows.map((r) => [r.id, r.next_step_kind && { kind: r.next_step_kind, at: new Date(String(r.next_step_at)).toISOString() }]));
    expect(steps).toEqual({
      sub_active: { kind: 'period_end', at: '2025-05-01T00:00:00.000Z' },
      sub_past_due: { kind: 'period_end', at: '2025-05-01T00:00:00.000Z' },
      sub_trial: { kind: 'trial_will_end', at: '2025-04-12T00:00:00.000Z' },
      sub_trial_sent: { kind: 'period_end', at: '2025-04-15T00:00:00.000Z' },
      sub_paused: { kind: 'resume', at: '2025-04-20T00:00:00.000Z' },
      sub_paused_open: null,
      sub_incomplete: null,
      sub_canceled: null,
      sub_stripe: null,
    });
    // The SQL of the backfill and billing's rule agree on every row.
    const store = createStore(db);
    for (const { id } of rows) {
      const next = scheduleOf((await store.getSubscription(id))!);
      expect(next && { kind: next.kind, at: next.at.toISOString() }, id).toEqual(steps[id]);
    }
  });
});

describe('migration invoice_lines.kind', () => {
  it('kinds existing lines, adds each discount as a last negative line so the lines add up to amount_due, and gives prices no usage', async () => {
    const db = await databaseAt(version('invoice_lines.kind') - 1);
    await db.exec(`
      insert into invoices (id, subject, subscription_id, amount_due, amount_paid, currency, status, period_start, period_end, subtotal, discount_amount, discount_description, created_at) values
        ('in_plain', 'user:a', null, 2900, 2900, 'usd', 'paid', '2025-04-01', '2025-05-01', 2900, 0, null, '2025-04-01'),
        ('in_promo', 'user:a', null, 2320, 2320, 'usd', 'paid', '2025-05-01', '2025-06-01', 2900, 580, 'SAVE20 (20% off)', '2025-05-01'),
        ('in_change', 'user:a', null, 1333, 1333, 'usd', 'paid', '2025-05-10', '2025-06-01', 1333, 0, null, '2025-05-10');
      insert into invoice_lines (invoice_id, position, description, quantity, unit_amount, amount, period_start, period_end) values
        ('in_plain', 0, 'Pro (monthly)', 1, 2900, 2900, '2025-04-01', '2025-05-01'),
        ('in_promo', 0, 'Pro (monthly)', 1, 2900, 2900, '2025-05-01', '2025-06-01'),
        ('in_change', 0, 'Unused time on Starter (monthly)', 1, -600, -600, '2025-05-10', '2025-06-01'),
        ('in_change', 1, 'Remaining time on Pro (monthly)', 1, 1933, 1933, '2025-05-10', '2025-06-01');`);
    await migrate(db);
    const store = createStore(db);
    const lines = async (id: string) => (await store.getInvoice('user:a', id))!.lines.map((l) => [l.kind, l.description, l.amount]);
    expect(await lines('in_plain')).toEqual([['subscription', 'Pro (monthly)', 2900]]);
    expect(await lines('in_promo')).toEqual([
      ['subscription', 'Pro (monthly)', 2900],
      ['discount', 'SAVE20 (20% off)', -580],
    ]);
    expect(await lines('in_change')).toEqual([
      ['proration', 'Unused time on Starter (monthly)', -600],
      ['proration', 'Remaining time on Pro (monthly)', 1933],
    ]);
    expect((await store.getPrice('price_pro_monthly'))!.price.usage).toEqual([]);
  });
});

describe('migration per-unit prices and quantities', () => {
  it('gives existing subscriptions quantity 1 and no pending quantity, keeps prices flat, and admits per_unit prices', async () => {
    const db = await databaseAt(version('per-unit prices and quantities') - 1);
    await db.exec(`
      insert into subscriptions (id, subject, price_id, status, current_period_start, current_period_end, cancel_at_period_end, created_at, pending_price_id) values
        ('sub_old', 'user:a', 'price_pro_monthly', 'active', '2025-04-01', '2025-05-01', false, '2025-04-01', 'price_pro_monthly')`);
    await migrate(db);
    const store = createStore(db);
    expect(await store.getSubscription('sub_old')).toMatchObject({ quantity: 1, pending_quantity: null, pending: { price: { id: 'price_pro_monthly' } } });
    expect((await store.getPrice('price_pro_monthly'))!.price).toMatchObject({ model: 'recurring', unit_label: null, min_quantity: null, max_quantity: null });
    await store.insertPrice({ id: 'price_seat', plan_id: 'plan_pro', amount: 1200, currency: 'usd', interval: 'month', model: 'per_unit', sort_order: 1, unit_label: 'seat', min_quantity: 2, max_quantity: 10 });
    expect((await store.getPrice('price_seat'))!.price).toMatchObject({ model: 'per_unit', unit_label: 'seat', min_quantity: 2, max_quantity: 10 });
    await expect(store.insertPrice({ id: 'price_bad', plan_id: 'plan_pro', amount: 1, currency: 'usd', interval: 'month', model: 'per_unit', sort_order: 2, min_quantity: 5, max_quantity: 4 })).rejects.toThrow();
  });
});
