import { checkoutSessionRow } from './rows';
import type { Store } from './Store';
import type { StoreSession } from './StoreSession';

/** Checkout sessions, locked (`for update`) while a payment on one is decided. */
export function checkoutSessionQueries(
  s: StoreSession,
): Pick<Store, 'insertCheckoutSession' | 'getCheckoutSession' | 'updateCheckoutSession'> {
  return {
    insertCheckoutSession: (session) => s.insert('checkout_sessions', { ...session }),
    async getCheckoutSession(id, options) {
      const rows = await s.q(`select * from checkout_sessions where id = $1${options?.forUpdate ? ' for update' : ''}`, [id]);
      return rows[0] ? checkoutSessionRow(rows[0]) : null;
    },
    updateCheckoutSession: (id, patch) => s.update('checkout_sessions', id, patch),
  };
}
