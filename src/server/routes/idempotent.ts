import { hmacSha256Hex } from '../crypto/hmac';
import { PaymentDeclined } from '../domainErrors';
import { ProxyError, toProxyError } from '../errors';
import type { RouteContext } from './RouteContext';

/** An answer to send: its status and JSON body. */
export interface IdempotentAnswer {
  status: number;
  body: unknown;
}

/** How often a request waits on the same key's first request, and for how long at most. */
const WAIT_STEP_MS = 25;
const WAIT_MAX_MS = 60_000;

/**
 * Runs a paying request under its `Idempotency-Key` (per `scope`, e.g. `change:<subject>`).
 * The key is taken before the request runs, so requests with one key are serialised: a
 * repeat while the first runs waits for its answer and replays it (a decline included);
 * a repeat after it replays at once; a key whose first request's process is gone (a crash)
 * is taken over and run again, and the payment ledger answers from the payment that first
 * run made rather than charging again. The same key with a different body is a 400
 * `idempotency_key_reused`. `run` gets the key (null without a header) to record on the
 * payments it makes. Errors other than declines are not stored: the key is given back.
 */
export async function idempotent(
  ctx: RouteContext,
  scope: string,
  key: string | undefined,
  request: unknown,
  run: (requestKey: string | null) => Promise<unknown>,
): Promise<IdempotentAnswer> {
  const execute = async (requestKey: string | null): Promise<IdempotentAnswer> => {
    try {
      return { status: 200, body: await run(requestKey) };
    } catch (error) {
      if (error instanceof PaymentDeclined) {
        const http = toProxyError(error)!;
        return { status: http.status, body: http.toBody() };
      }
      throw error;
    }
  };
  if (!key) return execute(null);
  if (key.length > 255) throw new ProxyError(400, 'parameter_invalid', 'Idempotency-Key is too long (max 255).', 'Idempotency-Key');
  const hash = await hmacSha256Hex('idempotency', JSON.stringify(request));
  const owner = ctx.store.owner;
  const started = ctx.wallNow().getTime();
  for (;;) {
    const held = await ctx.store.claimIdempotency(scope, key, hash, owner, ctx.wallNow());
    if (held !== 'claimed') {
      if (held.request_hash !== hash) throw new ProxyError(400, 'idempotency_key_reused', 'This Idempotency-Key was used with a different request.');
      if (held.status !== null) return { status: held.status, body: JSON.parse(held.response ?? 'null') };
      // Still running (here, or in a live proxy beside this one): wait for its answer.
      const alive = held.owner !== null && (await ctx.store.isOwnerAlive(held.owner));
      if (alive && ctx.wallNow().getTime() - started < WAIT_MAX_MS) {
        await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
        continue;
      }
      if (alive) throw new ProxyError(409, 'idempotency_key_in_use', 'A request with this Idempotency-Key is still running; try again in a moment.');
      if (!(await ctx.store.takeOverIdempotency(scope, key, held.owner, owner))) continue;
    }
    let result: IdempotentAnswer;
    try {
      result = await execute(key);
    } catch (error) {
      await ctx.store.releaseIdempotency(scope, key, owner);
      throw error;
    }
    await ctx.store.finishIdempotency(scope, key, { status: result.status, response: JSON.stringify(result.body) });
    return result;
  }
}
