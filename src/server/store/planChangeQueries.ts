import type { CustomerBalanceRecord, PaymentMethodSetupRecord } from './records';
import type { StoreSession } from './StoreSession';

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

/** The queries of self-serve plan changes and cards on file (customer balances, payment method setups); part of `Store`. */
export interface PlanChangeQueries {
  /** The subject's carried credit, or null when it holds none. */
  getCustomerBalance(subject: string): Promise<CustomerBalanceRecord | null>;
  /** Sets the subject's credit; an amount of 0 removes it. */
  setCustomerBalance(balance: CustomerBalanceRecord): Promise<void>;
  insertPaymentMethodSetup(setup: PaymentMethodSetupRecord): Promise<void>;
  /** A setup of this subject (another subject's id is null, like a missing one). */
  getPaymentMethodSetup(subject: string, id: string, options?: { forUpdate?: boolean }): Promise<PaymentMethodSetupRecord | null>;
  updatePaymentMethodSetup(id: string, patch: Partial<Pick<PaymentMethodSetupRecord, 'status' | 'payment_id'>>): Promise<void>;
}

/** Balances and setups over one session (the database or a transaction). */
export function planChangeQueries(s: StoreSession): PlanChangeQueries {
  return {
    async getCustomerBalance(subject) {
      const rows = await s.q(`select * from customer_balances where subject = $1`, [subject]);
      const r = rows[0];
      return r ? { subject: r.subject as string, amount: Number(r.amount), currency: r.currency as string } : null;
    },
    async setCustomerBalance(b) {
      if (b.amount <= 0) {
        await s.q(`delete from customer_balances where subject = $1`, [b.subject]);
        return;
      }
      await s.q(
        `insert into customer_balances (subject, amount, currency) values ($1, $2, $3)
         on conflict (subject) do update set amount = excluded.amount, currency = excluded.currency`,
        [b.subject, b.amount, b.currency],
      );
    },
    insertPaymentMethodSetup: (setup) => s.insert('payment_method_setups', { ...setup }),
    async getPaymentMethodSetup(subject, id, options) {
      const rows = await s.q(
        `select * from payment_method_setups where id = $1 and subject = $2${options?.forUpdate ? ' for update' : ''}`,
        [id, subject],
      );
      const r = rows[0];
      if (!r) return null;
      return {
        id: r.id as string,
        subject: r.subject as string,
        client_secret: r.client_secret as string,
        status: r.status as PaymentMethodSetupRecord['status'],
        payment_id: (r.payment_id as string | null) ?? null,
        expires_at: date(r.expires_at),
        created_at: date(r.created_at),
      };
    },
    updatePaymentMethodSetup: (id, patch) => s.update('payment_method_setups', id, patch),
  };
}
