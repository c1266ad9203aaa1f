import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from './domainErrors';

/**
 * The one error type of the proxy. Anything thrown as a `ProxyError` becomes the
 * documented JSON body `{ error: { code, message, param? } }` with its status; anything
 * else becomes a 500 `internal_error` without a stack trace.
 */
export class ProxyError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = 'ProxyError';
  }

  /** The wire body of this error. */
  toBody(): { error: { code: string; message: string; param?: string } } {
    return {
      error: { code: this.code, message: this.message, ...(this.param ? { param: this.param } : {}) },
    };
  }
}

/** 404 that reveals nothing about whether the resource exists for someone else. */
export function notFound(message = 'No such resource.'): ProxyError {
  return new ProxyError(404, 'not_found', message);
}

/** The status of a declined payment (routes/idempotent.ts keeps declines as answers, typed by it). */
export const PAYMENT_DECLINED_STATUS = 402;

/** The one status of each kind of domain error. */
const STATUS_OF: Record<DomainError['kind'], ContentfulStatusCode> = {
  invalid_parameter: 400,
  payment_declined: PAYMENT_DECLINED_STATUS,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  limit_reached: 429,
  processor_unavailable: 502,
};

/**
 * The one place where the billing rules' domain errors become HTTP: each kind gets its
 * documented status and the `{ error: { code, message, param? } }` body. A `ProxyError`
 * passes through; anything else is `null` (a bug, answered as a 500 by the app).
 */
export function toProxyError(error: unknown): ProxyError | null {
  if (error instanceof ProxyError) return error;
  if (error instanceof DomainError) return new ProxyError(STATUS_OF[error.kind], error.code, error.message, error.param);
  return null;
}
