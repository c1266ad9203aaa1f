/**
 * A fresh idempotency key. `crypto.randomUUID` exists only in secure contexts (https,
 * localhost), so plain-http pages on a LAN fall back to `getRandomValues`.
 */
export function idempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
