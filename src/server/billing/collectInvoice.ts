import type { Store } from '../store/Store';

/**
 * How long a charge of an open invoice may take before another may start: long enough for
 * a slow processor call (with its own retries), short enough that a proxy that died
 * mid-charge does not stop dunning for long.
 */
const COLLECTION_LEASE_MS = 5 * 60_000;

/**
 * Takes the collection lease of an open invoice before charging it, so the customer
 * paying it and a dunning retry never both charge (see `claimInvoiceCollection`). Wall
 * clock on purpose: the dev clock jumps days, a lease must not.
 */
export function claimInvoiceCollection(store: Store, invoiceId: string): Promise<boolean> {
  const now = new Date();
  return store.claimInvoiceCollection(invoiceId, now, new Date(now.getTime() + COLLECTION_LEASE_MS));
}
