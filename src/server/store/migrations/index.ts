import type { Db } from '../Db';
import { initialSchema } from './001_initialSchema';
import { subscriptionsProcessorRef } from './002_subscriptionsProcessorRef';
import { processorJobs } from './003_processorJobs';
import { outbox } from './004_outbox';
import { subscriptionLifecycle } from './005_subscriptionLifecycle';
import { subscriptionsEndedAt } from './006_subscriptionsEndedAt';
import { subjectKeys } from './007_subjectKeys';
import { usageRecordsIdempotencyKey } from './008_usageRecordsIdempotencyKey';
import { planChangesAndSetups } from './009_planChangesAndSetups';
import { invoicesCollectingUntil } from './010_invoicesCollectingUntil';
import { subscriptionsLifecycleFailures } from './011_subscriptionsLifecycleFailures';
import { plansTrialPeriodDays } from './012_plansTrialPeriodDays';
import { paymentsLedger } from './013_paymentsLedger';
import { subscriptionsNextStep } from './014_subscriptionsNextStep';
import { perUnitPrices } from './015_perUnitPrices';
import { invoiceLineKinds } from './016_invoiceLineKinds';
import { pricesUsage } from './017_pricesUsage';
import type { Migration } from './Migration';

/**
 * The schema, as ordered migrations, one file each (`NNN_whatItDoes.ts`). A migration
 * is never edited once released: a change is a new file with the next version, added
 * at the end of this list. `migrate` applies the missing ones, each in its own
 * transaction, and records them in `billkit_migrations`.
 */
export const migrations: Migration[] = [
  initialSchema,
  subscriptionsProcessorRef,
  processorJobs,
  outbox,
  subscriptionLifecycle,
  subscriptionsEndedAt,
  subjectKeys,
  usageRecordsIdempotencyKey,
  planChangesAndSetups,
  invoicesCollectingUntil,
  subscriptionsLifecycleFailures,
  plansTrialPeriodDays,
  paymentsLedger,
  subscriptionsNextStep,
  perUnitPrices,
  invoiceLineKinds,
  pricesUsage,
];

/** Applies the migrations the database does not have yet. Returns how many ran. */
export async function migrate(db: Db): Promise<number> {
  await db.exec(
    `create table if not exists billkit_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())`,
  );
  const rows = await db.query<{ version: number }>(`select version from billkit_migrations`);
  const applied = new Set(rows.map((r) => Number(r.version)));
  let count = 0;
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query(`insert into billkit_migrations (version, name) values ($1, $2)`, [m.version, m.name]);
    });
    count++;
  }
  return count;
}
