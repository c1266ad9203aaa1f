import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../src/server/store/migrations';
import { openPgliteStore } from '../../../src/server/store/openPgliteStore';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A data folder as a proxy before the outbox migration left it: schema version 3. */
async function databaseAtVersion3(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'billkit-outbox-'));
  dirs.push(dir);
  const pg = await PGlite.create({ dataDir: dir });
  await pg.exec(`create table billkit_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())`);
  for (const m of migrations.filter((m) => m.version <= 3)) {
    await pg.exec(m.sql);
    await pg.query(`insert into billkit_migrations (version, name) values ($1, $2)`, [m.version, m.name]);
  }
  const at = new Date('2026-01-02T03:04:05Z');
  const event = (id: string, type: string) => JSON.stringify({ id, type, created: 1, data: { object: { id: 'sub_1' } } });
  await pg.query(
    `insert into webhook_events (id, type, payload, created_at, status, attempts, next_attempt_at, delivered_at)
     values ($1, 'subscription.updated', $2, $3, 'delivered', 1, $3, $3), ($4, 'subscription.canceled', $5, $3, 'pending', 2, $3, null)`,
    ['evt_sent', event('evt_sent', 'subscription.updated'), at, 'evt_waiting', event('evt_waiting', 'subscription.canceled')],
  );
  // The job's subscription need not exist for this test: foreign keys off for the insert.
  await pg.exec(`set session_replication_role = replica`);
  await pg.query(
    `insert into processor_jobs (id, kind, subscription_id, processor_ref, subject, created_at, attempts, next_attempt_at)
     values ('job_1', 'cancel_subscription', 'sub_1', 'sub_stripe_1', 'user_1', $1, 3, $1)`,
    [at],
  );
  await pg.close();
  return dir;
}

describe('migration 4: one outbox table', () => {
  it('moves webhook events and processor jobs into the outbox, pending ones still pending, and drops the old tables', async () => {
    const store = await openPgliteStore({ dataDir: await databaseAtVersion3() });
    try {
      const far = new Date('2100-01-01T00:00:00Z');
      expect(await store.countPendingWebhookEvents()).toBe(1);
      const [waiting, ...rest] = await store.dueWebhookEvents(far, 10);
      expect(rest).toEqual([]);
      expect(waiting).toMatchObject({ id: 'evt_waiting', type: 'subscription.canceled', attempts: 2 });
      expect(JSON.parse(waiting!.payload)).toMatchObject({ id: 'evt_waiting', type: 'subscription.canceled' });
      // Migration 7, later on the way, names the subject by its kind.
      expect(await store.dueProcessorJobs(far, 10)).toEqual([
        {
          id: 'job_1',
          kind: 'cancel_subscription',
          subscription_id: 'sub_1',
          processor_ref: 'sub_stripe_1',
          subject: 'user:user_1',
          created_at: new Date('2026-01-02T03:04:05Z'),
          attempts: 3,
        },
      ]);
      // Both kinds are claimable by the one worker, oldest first within each table's order.
      const claimed = await store.claimOutbox(['webhook', 'cancel_subscription'], far, 10, far);
      expect(claimed.map((r) => r.id)).toEqual(['evt_waiting', 'job_1']);
      // Claimed rows are leased: not claimable again before the lease ends.
      expect(await store.claimOutbox(['webhook', 'cancel_subscription'], new Date('2099-01-01T00:00:00Z'), 10, far)).toEqual([]);
    } finally {
      await store.close();
    }
    const pg = await PGlite.create({ dataDir: dirs[0]! });
    try {
      const tables = await pg.query<{ name: string | null }>(
        `select to_regclass('webhook_events')::text as name union all select to_regclass('processor_jobs')::text`,
      );
      expect(tables.rows.map((r) => r.name)).toEqual([null, null]);
      const all = await pg.query<{ id: string; status: string }>(`select id, status from outbox order by seq`);
      expect(all.rows).toEqual([
        { id: 'evt_sent', status: 'done' },
        { id: 'evt_waiting', status: 'pending' },
        { id: 'job_1', status: 'pending' },
      ]);
    } finally {
      await pg.close();
    }
  });
});
