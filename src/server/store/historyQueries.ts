import type { StoreSession } from './StoreSession';

/** What a subject's past says about what it may have now (a trial, the first charge of a period); part of `Store`. */
export interface HistoryQueries {
  /**
   * Whether the subject already had a trial or a paid subscription, which rules out
   * another trial: any of its subscriptions (current or past) with a `trial_end`, or any
   * `paid` invoice.
   */
  hadTrialOrPayment(subject: string): Promise<boolean>;
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
    async hadTrialOrPayment(subject) {
      const rows = await s.q<{ used: unknown }>(
        `select exists (select 1 from subscriptions where subject = $1 and trial_end is not null)
             or exists (select 1 from invoices where subject = $1 and status = 'paid') as used`,
        [subject],
      );
      return Boolean(rows[0]?.used);
    },
    async countSubscriptionInvoicesFrom(subject, subscriptionId, from) {
      const rows = await s.q<{ n: unknown }>(
        `select count(*) as n from invoices where subject = $1 and subscription_id = $2 and period_start >= $3`,
        [subject, subscriptionId, from],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
