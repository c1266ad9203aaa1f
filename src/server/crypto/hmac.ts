/**
 * HMAC-SHA256 and randomness on Web Crypto only, so the same code runs in Node and in
 * the browser (Storybook runs the whole proxy in the page).
 */

const encoder = new TextEncoder();
const keyCache = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keyCache.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    // A process holds a handful of secrets; the cache only avoids re-importing per request.
    if (keyCache.size > 32) keyCache.clear();
    keyCache.set(secret, key);
  }
  return key;
}

/** Lower-case hex HMAC-SHA256 of `message` under `secret`. */
export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(message));
  return toHex(new Uint8Array(signature));
}

/** Compares two strings in time independent of where they differ. */
export function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** `bytes` random bytes as lower-case hex. */
export function randomHex(bytes: number): string {
  return toHex(crypto.getRandomValues(new Uint8Array(bytes)));
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random id with a Stripe-like prefix, e.g. `sub_4fQ…` (base62, 20 characters). */
export function randomId(prefix: string, length = 20): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = '';
  // 62 does not divide 256; the slight bias is irrelevant for identifiers.
  for (const b of bytes) out += ALPHABET[b % 62];
  return `${prefix}_${out}`;
}

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

const jwtKeyCache = new Map<string, Promise<CryptoKey>>();

/**
 * The HS256 key for a JWT secret, as a CryptoKey (jose rejects a Uint8Array made by
 * another realm's TextEncoder, as under jsdom; a CryptoKey works everywhere).
 */
export function jwtHmacKey(secret: string): Promise<CryptoKey> {
  let key = jwtKeyCache.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    if (jwtKeyCache.size > 32) jwtKeyCache.clear();
    jwtKeyCache.set(secret, key);
  }
  return key;
}
