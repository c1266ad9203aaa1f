import { readJson, request, type RequestConfig } from '../client/request';
import type { Invoice, Subscription, UsageSummary } from '../contract/types';

/** An event a dev clock advance (or a dev action) fired. */
export interface DevFiredEvent {
  type: string;
  subject: string;
  id: string;
}

/** A card on file as the dev endpoints show it. */
export interface DevCard {
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
}

/** A webhook event of the subject, with its delivery status (`GET /api/dev/events`). */
export interface DevWebhookEvent {
  id: string;
  type: string;
  created_at: string;
  delivery: {
    status: 'delivered' | 'pending' | 'retrying' | 'not_sent';
    attempts: number;
    last_error: string | null;
    delivered_at: string | null;
  };
  payload: unknown;
}

/** A payment of the subject from the proxy's payment ledger, with what the processor recorded for it (`GET /api/dev/payments`). */
export interface DevPayment {
  id: string;
  purpose: 'checkout' | 'plan_change' | 'invoice_pay' | 'renewal' | 'retry' | 'devtools';
  object: { kind: 'invoice' | 'checkout'; id: string };
  attempt: number;
  idempotency_key: string;
  amount: number;
  currency: string;
  status: 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'refunded';
  failure_code: string | null;
  created_at: string;
  settled_at: string | null;
  /** The test processor's record of the key: what it charged and refunded; `null` with another processor. */
  processor: { charged: number; refunded: number; status: string | null } | null;
}

/** What a pay / void dev action answers. */
export interface DevInvoiceOutcome {
  invoice: Invoice;
  subscription: Subscription | null;
  events: DevFiredEvent[];
}

/** The dev-only endpoints of the reference proxy (`/api/dev/*`), called like every Billkit request. */
export interface DevClient {
  getClock(): Promise<{ now: string }>;
  advance(body: { seconds: number } | { to: string }): Promise<{ now: string; events: DevFiredEvent[] }>;
  mintToken(body: { user: string; org?: string }): Promise<{ token: string; subject: { kind: 'user' | 'org'; id: string } }>;
  getCard(): Promise<DevCard | null>;
  setCard(card: 'failing' | 'paying'): Promise<DevCard | null>;
  payInvoice(id: string): Promise<DevInvoiceOutcome>;
  voidInvoice(id: string): Promise<DevInvoiceOutcome>;
  listEvents(): Promise<{ webhooks: boolean; events: DevWebhookEvent[] }>;
  listPayments(): Promise<DevPayment[]>;
  /**
   * Records usage for the page's subject through the billing `POST /usage` (a dev-mode
   * proxy takes it from a session token), under a fresh idempotency key so a retried
   * request counts once.
   */
  recordUsage(metric: string, quantity: number): Promise<UsageSummary>;
}

/** `/api/dev` on the origin of the billing `baseUrl` (where the reference proxy mounts it). */
export function devUrlFor(baseUrl: string): string {
  const origin = /^[a-z][a-z\d+.-]*:\/\/[^/?#]+/i.exec(baseUrl)?.[0] ?? '';
  return `${origin}/api/dev`;
}

/**
 * Builds the client of the dev endpoints over the page's billing client (its token source
 * and fetch, read per request); `billingUrl` is the billing endpoints' base, for usage.
 */
export function createDevClient(config: RequestConfig, devUrl: string, billingUrl: string): DevClient {
  const url = devUrl.replace(/\/+$/, '');
  const get = async <T>(path: string) => readJson<T>(await request(config, `${url}${path}`));
  const post = async <T>(path: string, body?: unknown) =>
    readJson<T>(await request(config, `${url}${path}`, { method: 'POST', ...(body !== undefined && { body }) }));
  const id = encodeURIComponent;
  return {
    getClock: () => get('/clock'),
    advance: (body) => post('/clock/advance', body),
    mintToken: (body) => post('/token', body),
    getCard: async () => (await get<{ payment_method: DevCard | null }>('/payment-method')).payment_method,
    setCard: async (card) => (await post<{ payment_method: DevCard | null }>('/payment-method', { card })).payment_method,
    payInvoice: (invoice) => post(`/invoices/${id(invoice)}/pay`),
    voidInvoice: (invoice) => post(`/invoices/${id(invoice)}/void`),
    listEvents: () => get('/events?limit=50'),
    listPayments: async () => (await get<{ payments: DevPayment[] }>('/payments?limit=20')).payments,
    recordUsage: async (metric, quantity) =>
      readJson<UsageSummary>(
        await request(config, `${billingUrl.replace(/\/+$/, '')}/usage`, {
          method: 'POST',
          body: { metric, quantity, idempotency_key: `devtools_${crypto.randomUUID()}` },
        }),
      ),
  };
}
