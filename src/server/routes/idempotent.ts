import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { ErrorBody } from '../../contract/types';
import { hmacSha256Hex } from '../crypto/hmac';
import { PaymentDeclined } from '../domainErrors';
import { PAYMENT_DECLINED_STATUS, ProxyError, toProxyError } from '../errors';
import type { RouteContext } from './RouteContext';

/** An answer to send: the request's own (200, `T`), or the decline it ended in (402, the error body). */
export type IdempotentAnswer<T> = { status: 200; body: T } | { status: typeof PAYMENT_DECLINED_STATUS; body: ErrorBody };

/** Sends an {@link IdempotentAnswer} as JSON, typed by its status (what `hc` and the client's type test read). */
export function sendAnswer<T extends object>(
  c: Context,
  answer: IdempotentAnswer<T>,
): Response & (TypedResponse<JSONParsed<T>, 200, 'json'> | TypedResponse<JSONParsed<ErrorBody>, typeof PAYMENT_DECLINED_STATUS, 'json'>) {
  return answer.status === 200 ? c.json(answer.body, 200) : c.json(answer.body, PAYMENT_DECLINED_STATUS);
}

/** An answer kept under a key: only the request's own answers and its declines are kept (see `execute`). */
function storedAnswer<T>(status: number, response: string | null): IdempotentAnswer<T> {
  const body = JSON.parse(response ?? 'null');
  return status === 200 ? { status: 200, body } : { status: PAYMENT_DECLINED_STATUS, body };
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
export async function idempotent<T>(
  ctx: RouteContext,
  scope: string,
  key: string | undefined,
  request: unknown,
  run: (requestKey: string | null) => Promise<T>,
): Promise<IdempotentAnswer<T>> {
  const execute = async (requestKey: string | null): Promise<IdempotentAnswer<T>> => {
    try {
      return { status: 200, body: await run(requestKey) };
    } catch (error) {
      // A decline is an answer too, kept under the key like a success.
      if (error instanceof PaymentDeclined) return { status: PAYMENT_DECLINED_STATUS, body: toProxyError(error)!.toBody() };
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
      if (held.status !== null) return storedAnswer<T>(held.status, held.response);
      // Still running (here, or in a live proxy beside this one): wait for its answer.
      const alive = held.owner !== null && (await ctx.store.isOwnerAlive(held.owner));
      if (alive && ctx.wallNow().getTime() - started < WAIT_MAX_MS) {
        await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
        continue;
      }
      if (alive) throw new ProxyError(409, 'idempotency_key_in_use', 'A request with this Idempotency-Key is still running; try again in a moment.');
      if (!(await ctx.store.takeOverIdempotency(scope, key, held.owner, owner))) continue;
    }
    let result: IdempotentAnswer<T>;
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
