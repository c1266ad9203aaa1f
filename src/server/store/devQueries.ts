import type { StoreSession } from './StoreSession';

/** A webhook event as the dev tools show it: its body, and where its delivery stands. */
export interface DevWebhookEvent {
  id: string;
  type: string;
  created_at: Date;
  /** The event body exactly as it is (or would be) delivered. */
  payload: string;
  /** `pending` until delivered (forever when no webhook URL is configured). */
  status: 'pending' | 'done';
  attempts: number;
  last_error: string | null;
  done_at: Date | null;
}

/** Queries only the dev endpoints use (`/api/dev/*`); nothing on a hot path. */
export interface DevQueries {
  /**
   * The webhook events about a subject's objects (its subscriptions, invoices and checkout
   * sessions), newest first. Events carry no subject column, so they are matched by the id
   * of the object they describe.
   */
  listSubjectWebhookEvents(subject: string, limit: number): Promise<DevWebhookEvent[]>;
  /** Marks an open invoice `void` (nothing more is collected); false when it was not open. */
  voidOpenInvoice(invoiceId: string): Promise<boolean>;
}

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

/** The SQL behind {@link DevQueries}. */
export function devQueries(s: StoreSession): DevQueries {
  return {
    async listSubjectWebhookEvents(subject, limit) {
      const rows = await s.q(
        `select id, payload, created_at, status, attempts, last_error, done_at from outbox
         where kind = 'webhook' and (payload::json -> 'data' -> 'object' ->> 'id') in (
           select id from subscriptions where subject = $1
           union all select id from invoices where subject = $1
           union all select id from checkout_sessions where subject = $1)
         order by seq desc limit $2`,
        [subject, limit],
      );
      return rows.map((r) => ({
        id: r.id as string,
        type: (JSON.parse(r.payload as string) as { type: string }).type,
        created_at: date(r.created_at),
        payload: r.payload as string,
        status: r.status as 'pending' | 'done',
        attempts: Number(r.attempts),
        last_error: (r.last_error as string | null) ?? null,
        done_at: r.done_at === null ? null : date(r.done_at),
      }));
    },
    async voidOpenInvoice(invoiceId) {
      const rows = await s.q(
        `update invoices set status = 'void', next_payment_attempt = null where id = $1 and status = 'open' returning id`,
        [invoiceId],
      );
      return rows.length > 0;
    },
  };
}
