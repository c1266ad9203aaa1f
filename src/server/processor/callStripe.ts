import Stripe from 'stripe';
import { ProcessorUnavailable } from '../domainErrors';

/**
 * Runs a Stripe call; Stripe's refusals and connection failures become `ProcessorUnavailable`
 * `processor_error` with Stripe's message (never the key or the request), logged for the
 * operator. Anything else is a bug and stays an internal error.
 */
export async function callStripe<T>(what: { refused: string; unreachable: string }, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError)) throw error;
    console.error(`[billkit-proxy] Stripe ${error.type} (${error.statusCode ?? 'no status'}): ${error.message}`);
    const message =
      error instanceof Stripe.errors.StripeConnectionError ? `${what.unreachable}: ${error.message}` : `${what.refused}: ${error.message}`;
    throw new ProcessorUnavailable('processor_error', message);
  }
}
