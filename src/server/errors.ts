import type { ContentfulStatusCode } from 'hono/utils/http-status';

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
