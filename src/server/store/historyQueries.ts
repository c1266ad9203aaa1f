import type { StoreSession } from './StoreSession';

/** What a subject's past says about what it may have now (the first charge of a period); part of `Store`. */
export interface HistoryQueries {
  /**
   * How many invoices of subscription `subscriptionId` (of `subject`) cover a period that
   * starts at or after `from`: 1 for a period billed by its own invoice alone, more when a
   * plan change invoiced a proration inside it.
   */
  countSubscriptionInvoicesFrom(subject: string, subscriptionId: string, from: Date): Promise<number>;
}

/** The SQL behind {@link HistoryQueries} (by subject first, on the `invoices_subject` / `subscriptions_subject` indexes). */
export function historyQueries(s: StoreSession): HistoryQueries {
  return {
    async countSubscriptionInvoicesFrom(subject, subscriptionId, from) {
      const rows = await s.q<{ n: unknown }>(
        `select count(*) as n from invoices where subject = $1 and subscription_id = $2 and period_start >= $3`,
        [subject, subscriptionId, from],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
