/**
 * The one error type of the browser side. Every failed call of the billing client
 * rejects with it: the proxy's `{ error: { code, message, param } }` body becomes its
 * fields, a failed connection becomes `status: 0, code: "network_error"`, and an error
 * answer that is not the documented JSON becomes `code: "http_<status>"`.
 *
 * Branch on `code` (stable), show `message` (human-readable), never parse the text.
 *
 * @example
 * try { await client.resumeSubscription() }
 * catch (e) { if (e instanceof BillingError && e.code === 'subscription_not_cancelable') … }
 */
export class BillingError extends Error {
  /** HTTP status of the answer; `0` when no answer arrived (network failure). */
  readonly status: number;
  /** Machine-readable error code, e.g. `invalid_request`, `unauthorized`, `not_found`. */
  readonly code: string;
  /** The request field the error is about, when the proxy names one. */
  readonly param?: string;
  /** The proxy's request id (`X-Request-Id` header), when it sends one: quote it in bug reports. */
  readonly requestId?: string;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    param?: string;
    requestId?: string;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'BillingError';
    this.status = init.status;
    this.code = init.code;
    if (init.param !== undefined) this.param = init.param;
    if (init.requestId !== undefined) this.requestId = init.requestId;
  }

  /** Whether the proxy refused the request itself (4xx): retrying the same request cannot help. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}
