import { hmacSha256Hex, randomId } from '../crypto/hmac';
import { PaymentDeclined } from '../domainErrors';
import { ProxyError, toProxyError } from '../errors';
import type { RouteContext } from './RouteContext';

/** An answer to send: its status and JSON body. */
export interface IdempotentAnswer {
  status: number;
  body: unknown;
}

/**
 * Runs a paying request under its `Idempotency-Key` (per `scope`, e.g. `change:<subject>`):
 * a repeated key replays the stored answer (a decline included) without running again;
 * the same key with a different body is a 400 `idempotency_key_reused`. `run` gets the
 * key to pass on to the processor (a fresh random one without a header), so a request
 * retried after a crash still charges once. Errors other than declines are not stored.
 */
export async function idempotent(
  ctx: RouteContext,
  scope: string,
  key: string | undefined,
  request: unknown,
  run: (processorKey: string) => Promise<unknown>,
): Promise<IdempotentAnswer> {
  const execute = async (processorKey: string): Promise<IdempotentAnswer> => {
    try {
      return { status: 200, body: await run(processorKey) };
    } catch (error) {
      if (error instanceof PaymentDeclined) {
        const http = toProxyError(error)!;
        return { status: http.status, body: http.toBody() };
      }
      throw error;
    }
  };
  if (!key) return execute(randomId('req'));
  if (key.length > 255) throw new ProxyError(400, 'parameter_invalid', 'Idempotency-Key is too long (max 255).', 'Idempotency-Key');
  const hash = await hmacSha256Hex('idempotency', JSON.stringify(request));
  const stored = await ctx.store.getIdempotency(scope, key);
  if (stored) {
    if (stored.request_hash !== hash) throw new ProxyError(400, 'idempotency_key_reused', 'This Idempotency-Key was used with a different request.');
    return { status: stored.status, body: JSON.parse(stored.response) };
  }
  const result = await execute(key);
  await ctx.store.putIdempotency(scope, key, { request_hash: hash, status: result.status, response: JSON.stringify(result.body) }, ctx.now());
  return result;
}
