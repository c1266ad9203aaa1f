import type { BillingError } from './BillingError';
import { readJson, request, type RequestConfig } from './request';
import type {
  ActivateResponse,
  AuthenticateCheckoutRequest,
  AuthenticatePaymentMethodSetupRequest,
  ConfirmPaymentMethodSetupRequest,
  ConfirmPaymentMethodSetupResponse,
  PaymentMethod,
  PaymentMethodResponse,
  PaymentMethodSetup,
  PayInvoiceResponse,
  PlanChangePreview,
  PlanChangePreviewRequest,
  PlanChangePreviewResponse,
  PlanChangeRequest,
  CheckoutRequest,
  CheckoutSession,
  CheckoutSessionSummary,
  ConfirmCheckoutRequest,
  ConfirmCheckoutResponse,
  Entitlements,
  Invoice,
  InvoicesPage,
  Plan,
  PlansResponse,
  Subscription,
  SubscriptionResponse,
  UsageSummary,
} from '../contract/types';

/** Options of {@link createBillingClient}. */
export interface BillingClientOptions {
  /** Where the proxy endpoints live, e.g. `/api/proxy/billing` or `https://app.example.com/api/proxy/billing`. */
  baseUrl: string;
  /** The user's session token (JWT). Awaited before every request, so a refreshed token is always used. */
  getToken: () => string | null | undefined | Promise<string | null | undefined>;
  /** The `fetch` to use; defaults to the global one. Tests and stories pass the proxy's `app.fetch`. */
  fetch?: typeof fetch;
  /** Called with the error whenever the proxy answers 401 (expired or missing session): sign the user in again. */
  onUnauthorized?: (error: BillingError) => void;
  /** The activation endpoint; defaults to `/api/v1/billing/activate` on the origin of `baseUrl`. */
  activateUrl?: string;
  /**
   * The cache identity of the data this client reads; query keys include it, so two
   * clients with different scopes never share cached data. Defaults to `baseUrl`; pass
   * the user or org id when one page talks to one proxy as several subjects.
   */
  scope?: string;
}

/** Per-call options of the client's methods. */
export interface BillingCallOptions {
  /** Aborts the request (React Query passes its own). */
  signal?: AbortSignal;
}

/**
 * A typed client of the billing proxy: one method per endpoint. Single-field envelopes
 * are unwrapped (`getPlans()` resolves with the `plans` array, `getSubscription()` with
 * the subscription or `null`); every failure rejects with a `BillingError`.
 *
 * The client is also its own request configuration: every request reads its `getToken`,
 * `fetch` and `onUnauthorized` at the time it is made, so replacing `getToken` changes the
 * session of every later request (how `billkit/devtools` bills another subject).
 */
export interface BillingClient extends RequestConfig {
  /** The proxy's base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** The cache scope of this client's data (see {@link BillingClientOptions.scope}). */
  readonly scope: string;
  /** The session token source, awaited before every request (see {@link BillingClientOptions.getToken}). */
  getToken: RequestConfig['getToken'];
  /** The `fetch` every request goes through. */
  readonly fetch: typeof fetch;
  /** `GET /plans`: the public plans and their prices. */
  getPlans(options?: BillingCallOptions): Promise<Plan[]>;
  /** `GET /subscription`: the caller's subscription, or `null`. */
  getSubscription(options?: BillingCallOptions): Promise<Subscription | null>;
  /** `POST /checkout`: starts a hosted (redirect) or embedded checkout. */
  createCheckout(body: CheckoutRequest, options?: BillingCallOptions): Promise<CheckoutSession>;
  /** `GET /checkout/:id`: what the checkout will charge (Billkit addition). */
  getCheckoutSession(sessionId: string, options?: BillingCallOptions): Promise<CheckoutSessionSummary>;
  /**
   * `POST /checkout/:id/confirm`: pays an embedded checkout. The idempotency key makes a
   * repeated request (double click, flaky network) charge once.
   */
  confirmCheckout(
    sessionId: string,
    body: ConfirmCheckoutRequest,
    options: BillingCallOptions & { idempotencyKey: string },
  ): Promise<ConfirmCheckoutResponse>;
  /** `POST /checkout/:id/authenticate`: answers a card's authentication challenge (idempotent with a key too). */
  authenticateCheckout(
    sessionId: string,
    body: AuthenticateCheckoutRequest,
    options?: BillingCallOptions & { idempotencyKey?: string },
  ): Promise<ConfirmCheckoutResponse>;
  /** `POST /subscription/cancel`: now, or at the end of the period. */
  cancelSubscription(body: { at_period_end: boolean }, options?: BillingCallOptions): Promise<Subscription>;
  /** `POST /subscription/resume`: undoes a pending cancellation or a pause. */
  resumeSubscription(options?: BillingCallOptions): Promise<Subscription>;
  /** `GET /entitlements`: the plan key, status and features. */
  getEntitlements(options?: BillingCallOptions): Promise<Entitlements>;
  /** `GET /usage?metric=`: usage of one metric in the current period. */
  getUsage(metric: string, options?: BillingCallOptions): Promise<UsageSummary>;
  /** `GET /invoices`: one page of invoices, most recent first. */
  listInvoices(
    params?: { limit?: number; starting_after?: string },
    options?: BillingCallOptions,
  ): Promise<InvoicesPage>;
  /** `GET /invoices/:id/pdf`: the invoice PDF and the file name the proxy gives it. */
  downloadInvoicePdf(
    invoice: Invoice | string,
    options?: BillingCallOptions,
  ): Promise<{ blob: Blob; filename: string }>;
  /** `POST <activateUrl>`: activates the paid plan after a completed checkout. */
  activateCheckout(sessionId: string, options?: BillingCallOptions): Promise<ActivateResponse>;
  /** `POST /subscription/preview`: what changing to a price costs today and next (Billkit addition). */
  previewPlanChange(body: PlanChangePreviewRequest, options?: BillingCallOptions): Promise<PlanChangePreview>;
  /**
   * `POST /subscription/change`: changes plan now (charging the proration) or at the period
   * end (`pending_change`). The idempotency key makes a repeated request charge once.
   */
  changePlan(
    body: PlanChangeRequest,
    options: BillingCallOptions & { idempotencyKey: string },
  ): Promise<Subscription>;
  /** `GET /payment-method`: the card on file, or `null`. */
  getPaymentMethod(options?: BillingCallOptions): Promise<PaymentMethod | null>;
  /** `POST /payment-method/setup`: starts attaching a new card (a SetupIntent with Stripe). */
  setupPaymentMethod(options?: BillingCallOptions): Promise<PaymentMethodSetup>;
  /** `POST /payment-method/setup/:id/confirm`: attaches the card (test processor's card form), or records the one Stripe's PaymentElement confirmed. */
  confirmPaymentMethodSetup(
    setupId: string,
    body: ConfirmPaymentMethodSetupRequest,
    options?: BillingCallOptions & { idempotencyKey?: string },
  ): Promise<ConfirmPaymentMethodSetupResponse>;
  /** `POST /payment-method/setup/:id/authenticate`: answers the card's 3-D Secure challenge. */
  authenticatePaymentMethodSetup(
    setupId: string,
    body: AuthenticatePaymentMethodSetupRequest,
    options?: BillingCallOptions & { idempotencyKey?: string },
  ): Promise<ConfirmPaymentMethodSetupResponse>;
  /** `POST /invoices/:id/pay`: pays an open invoice with the card on file. */
  payInvoice(
    invoice: Invoice | string,
    options: BillingCallOptions & { idempotencyKey: string },
  ): Promise<Invoice>;
}

/** `https://host:port` of an absolute URL, `''` for a path (same origin as the page). */
function originOf(url: string): string {
  return /^[a-z][a-z\d+.-]*:\/\/[^/?#]+/i.exec(url)?.[0] ?? '';
}

/** The file name of a `Content-Disposition` header (RFC 6266 `filename*` first). */
function filenameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // Malformed percent-encoding: fall back to the plain parameter.
    }
  }
  return /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(disposition)?.slice(1).find(Boolean)?.trim();
}

/**
 * Creates the typed client of the billing proxy. It depends on nothing but `fetch`.
 *
 * @example
 * const client = createBillingClient({
 *   baseUrl: '/api/proxy/billing',
 *   getToken: () => auth.currentSession().token,
 *   onUnauthorized: () => auth.signIn(),
 * });
 * const plans = await client.getPlans();
 */
export function createBillingClient(options: BillingClientOptions): BillingClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const activateUrl = options.activateUrl ?? `${originOf(baseUrl)}/api/v1/billing/activate`;
  const url = (path: string) => `${baseUrl}${path}`;
  const id = (value: string) => encodeURIComponent(value);
  const getJson = async <T>(path: string, call?: BillingCallOptions, query?: Record<string, string | number | undefined>) =>
    readJson<T>(await request(config, url(path), { signal: call?.signal, ...(query && { query }) }));
  const postJson = async <T>(target: string, body: unknown, call?: BillingCallOptions, headers?: Record<string, string>) =>
    readJson<T>(
      await request(config, target, { method: 'POST', body, signal: call?.signal, ...(headers && { headers }) }),
    );

  // The client is the config its requests read (request(config, …)), field by field per request.
  const config: BillingClient = {
    baseUrl,
    scope: options.scope ?? baseUrl,
    getToken: options.getToken,
    // Looked up per call, not captured: test set-ups and polyfills may replace the global.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    onUnauthorized: options.onUnauthorized,
    getPlans: async (call) => (await getJson<PlansResponse>('/plans', call)).plans,
    getSubscription: async (call) => (await getJson<SubscriptionResponse>('/subscription', call)).subscription,
    createCheckout: (body, call) => postJson<CheckoutSession>(url('/checkout'), body, call),
    getCheckoutSession: (sessionId, call) => getJson<CheckoutSessionSummary>(`/checkout/${id(sessionId)}`, call),
    confirmCheckout: (sessionId, body, call) =>
      postJson<ConfirmCheckoutResponse>(url(`/checkout/${id(sessionId)}/confirm`), body, call, {
        'Idempotency-Key': call.idempotencyKey,
      }),
    authenticateCheckout: (sessionId, body, call) =>
      postJson<ConfirmCheckoutResponse>(
        url(`/checkout/${id(sessionId)}/authenticate`),
        body,
        call,
        call?.idempotencyKey ? { 'Idempotency-Key': call.idempotencyKey } : undefined,
      ),
    cancelSubscription: async (body, call) =>
      (await postJson<{ subscription: Subscription }>(url('/subscription/cancel'), body, call)).subscription,
    resumeSubscription: async (call) =>
      (await postJson<{ subscription: Subscription }>(url('/subscription/resume'), {}, call)).subscription,
    getEntitlements: (call) => getJson<Entitlements>('/entitlements', call),
    getUsage: (metric, call) => getJson<UsageSummary>('/usage', call, { metric }),
    listInvoices: (params = {}, call) =>
      getJson<InvoicesPage>('/invoices', call, { limit: params.limit, starting_after: params.starting_after }),
    downloadInvoicePdf: async (invoice, call) => {
      const invoiceId = typeof invoice === 'string' ? invoice : invoice.id;
      const response = await request(config, url(`/invoices/${id(invoiceId)}/pdf`), {
        headers: { Accept: 'application/pdf' },
        signal: call?.signal,
      });
      const filename = filenameOf(response.headers.get('content-disposition')) ?? `invoice_${invoiceId}.pdf`;
      return { blob: await response.blob(), filename };
    },
    activateCheckout: (sessionId, call) =>
      postJson<ActivateResponse>(activateUrl, { session_id: sessionId }, call),
    previewPlanChange: async (body, call) =>
      (await postJson<PlanChangePreviewResponse>(url('/subscription/preview'), body, call)).preview,
    changePlan: async (body, call) =>
      (
        await postJson<{ subscription: Subscription }>(url('/subscription/change'), body, call, {
          'Idempotency-Key': call.idempotencyKey,
        })
      ).subscription,
    getPaymentMethod: async (call) => (await getJson<PaymentMethodResponse>('/payment-method', call)).payment_method,
    setupPaymentMethod: (call) => postJson<PaymentMethodSetup>(url('/payment-method/setup'), {}, call),
    confirmPaymentMethodSetup: (setupId, body, call) =>
      postJson<ConfirmPaymentMethodSetupResponse>(
        url(`/payment-method/setup/${id(setupId)}/confirm`),
        body,
        call,
        call?.idempotencyKey ? { 'Idempotency-Key': call.idempotencyKey } : undefined,
      ),
    authenticatePaymentMethodSetup: (setupId, body, call) =>
      postJson<ConfirmPaymentMethodSetupResponse>(
        url(`/payment-method/setup/${id(setupId)}/authenticate`),
        body,
        call,
        call?.idempotencyKey ? { 'Idempotency-Key': call.idempotencyKey } : undefined,
      ),
    payInvoice: async (invoice, call) => {
      const invoiceId = typeof invoice === 'string' ? invoice : invoice.id;
      return (
        await postJson<PayInvoiceResponse>(url(`/invoices/${id(invoiceId)}/pay`), {}, call, {
          'Idempotency-Key': call.idempotencyKey,
        })
      ).invoice;
    },
  };
  return config;
}
