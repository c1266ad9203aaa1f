/**
 * The domain errors of the billing rules, the processors and the store (shared by all
 * three, so none of them imports another for its errors). They say what went
 * wrong in billing terms and carry the documented `code` (and `param`), never an HTTP
 * status: only the HTTP layer (`toProxyError` in `errors.ts`) decides how each kind is
 * answered, so the rules can run from a route, a job or a CLI alike.
 */
export abstract class DomainError extends Error {
  /** What kind of failure this is; the HTTP layer maps each kind to one status. */
  abstract readonly kind:
    | 'not_found'
    | 'invalid_parameter'
    | 'payment_declined'
    | 'conflict'
    | 'forbidden'
    | 'limit_reached'
    | 'processor_unavailable';

  constructor(
    /** The documented error code (`no_subscription`, `card_declined`, …). */
    readonly code: string,
    message: string,
    /** The request parameter at fault, when one is. */
    readonly param?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Something that does not exist for this caller; says nothing about whether it does for others. */
export class NotFound extends DomainError {
  readonly kind = 'not_found';
}

/** A request the rules refuse as asked: a bad value, a wrong state of the thing it names. */
export class InvalidParameter extends DomainError {
  readonly kind = 'invalid_parameter';
}

/** The processor refused the payment, with its decline code (`card_declined`, …). */
export class PaymentDeclined extends DomainError {
  readonly kind = 'payment_declined';
}

/** The request is valid but clashes with the current state (raced, or not yet possible). */
export class Conflict extends DomainError {
  readonly kind = 'conflict';
}

/** The caller may not do this (a session that is not theirs, a bad signature, a wrong key). */
export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
}

/** A usage limit the price refuses to go past (`at_limit: 'refuse'`): nothing was recorded. */
export class LimitReached extends DomainError {
  readonly kind = 'limit_reached';
}

/** The payment processor could not be reached or refused the call; nothing was changed. */
export class ProcessorUnavailable extends DomainError {
  readonly kind = 'processor_unavailable';
}
