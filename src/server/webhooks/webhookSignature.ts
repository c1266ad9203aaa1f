import { hmacSha256Hex, timingSafeEqual } from '../crypto/hmac';

/**
 * The `Billkit-Signature` header for `payload`, signed like Stripe's:
 * `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<payload>")>`.
 */
export async function signWebhookPayload(
  payload: string,
  secret: string,
  options: { timestamp?: number } = {},
): Promise<string> {
  const t = options.timestamp ?? Math.floor(Date.now() / 1000);
  return `t=${t},v1=${await hmacSha256Hex(secret, `${t}.${payload}`)}`;
}

/**
 * Checks a webhook's `Billkit-Signature` header against the raw request body. `true` only
 * when one `v1` signature matches and the timestamp is within `toleranceSeconds` (300 by
 * default) of now, which stops replays of old deliveries.
 *
 * ```ts
 * const body = await request.text();
 * if (!(await verifyWebhookSignature(body, request.headers.get('Billkit-Signature'), secret))) {
 *   return new Response('bad signature', { status: 400 });
 * }
 * ```
 */
export async function verifyWebhookSignature(
  payload: string,
  header: string | null | undefined,
  secret: string,
  options: { toleranceSeconds?: number; now?: Date } = {},
): Promise<boolean> {
  if (!header) return false;
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d+$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value) signatures.push(value);
  }
  if (timestamp === undefined || signatures.length === 0) return false;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = await hmacSha256Hex(secret, `${timestamp}.${payload}`);
  return signatures.some((sig) => timingSafeEqual(sig, expected));
}
