/**
 * Counting money where it moves: the built-in test processor's ledger (every charge and
 * refund it recorded, by idempotency key) against the invoices the proxy says were paid.
 */
import { netCharged } from '../../src/server/processor/createTestProcessor';
import type { Store } from '../../src/server/store/Store';

/** What the processor took from each subject (charges less refunds), from its ledger and the payment ledger's keys. */
export interface MoneyCount {
  /** Net minor units taken per store subject key (`user:<id>`). */
  charged: Map<string, number>;
  /** Processor entries whose key no payment of the proxy made: money moved outside the charging path. */
  orphans: string[];
  /** Payments still waiting for their outcome. */
  pending: string[];
}

/** Reads the test processor's ledger and the payments that keyed it. */
export async function countMoney(store: Store): Promise<MoneyCount> {
  const entries = await store.listTestProcessorCharges();
  const subjects = new Map<string, string>();
  const pending: string[] = [];
  for (const p of await store.unsettledPayments()) pending.push(p.id);
  const charged = new Map<string, number>();
  const orphans: string[] = [];
  for (const entry of entries) {
    const key = entry.idempotency_key.replace(/:refund$/, '');
    let subject = subjects.get(key);
    if (subject === undefined) {
      subject = (await store.paymentByKey(key))?.subject ?? '';
      subjects.set(key, subject);
    }
    if (!subject) {
      orphans.push(entry.idempotency_key);
      continue;
    }
    charged.set(subject, (charged.get(subject) ?? 0) + netCharged([entry]));
  }
  return { charged, orphans, pending };
}

/** The sum of `amount_paid` over a subject's paid invoices. */
export async function paidTotal(store: Store, subject: string): Promise<number> {
  const invoices = await store.listInvoices(subject, { limit: 10_000 });
  return invoices.filter((i) => i.status === 'paid').reduce((sum, i) => sum + i.amount_paid, 0);
}
