import { readJson, request, type RequestConfig } from '../client/request';
import type { Invoice, Subscription } from '../contract/types';

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
}

/** `/api/dev` on the origin of the billing `baseUrl` (where the reference proxy mounts it). */
export function devUrlFor(baseUrl: string): string {
  const origin = /^[a-z][a-z\d+.-]*:\/\/[^/?#]+/i.exec(baseUrl)?.[0] ?? '';
  return `${origin}/api/dev`;
}

/** Builds the client of the dev endpoints over the page's billing client (its token source and fetch, read per request). */
export function createDevClient(config: RequestConfig, devUrl: string): DevClient {
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
  };
}
