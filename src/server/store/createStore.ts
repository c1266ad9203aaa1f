import { randomId } from '../crypto/hmac';
import { catalogueQueries } from './catalogueQueries';
import { checkoutSessionQueries } from './checkoutSessionQueries';
import { customerQueries } from './customerQueries';
import { devQueries } from './devQueries';
import type { Db, DbSession } from './Db';
import { historyQueries } from './historyQueries';
import { invoiceQueries } from './invoiceQueries';
import { lifecycleQueries } from './lifecycleQueries';
import { outboxQueries } from './outboxQueries';
import { paymentQueries, type ProcessOwners } from './paymentQueries';
import { planChangeQueries } from './planChangeQueries';
import type { Store } from './Store';
import { createStoreSession, type StoreMemory } from './StoreSession';
import { subscriptionQueries } from './subscriptionQueries';
import { usageQueries } from './usageQueries';

// Many modules import the interface from here; it lives in ./Store.
export type { Store } from './Store';

/** Options of {@link createStore}. */
export interface CreateStoreOptions {
  /**
   * Cache each subject's current subscription in memory, dropped on every write. Only
   * safe when no other process writes to the database, which PGlite guarantees.
   */
  cacheReads?: boolean;
  /** Who this process is, and how to tell whether another is still running (the payment ledger's owners). */
  owners?: ProcessOwners;
}

/** One process alone on its database (PGlite): every other owner is gone. */
function soleOwner(): ProcessOwners {
  return { owner: randomId('proc'), isOwnerAlive: async () => false };
}

/** Builds the {@link Store} over a database: the queries of every aggregate over one session. */
export function createStore(db: Db, options: CreateStoreOptions = {}): Store {
  return buildStore(db, db, options.owners ?? soleOwner(), {
    generation: 0,
    catalogue: null,
    catalogueEpoch: 0,
    subscriptions: options.cacheReads ? new Map() : null,
  });
}

/** The Store over `session` (the database, or one transaction of it). */
function buildStore(db: Db, session: DbSession, owners: ProcessOwners, memory: StoreMemory, onCatalogueWrite?: () => void): Store {
  const s = createStoreSession(db, session, memory, onCatalogueWrite);
  const store: Store = {
    async transaction(fn) {
      // Already inside one: join it, so rules can compose without nesting transactions.
      if (s.inTransaction) return fn(store);
      let wroteCatalogue = false;
      try {
        return await db.transaction((tx) => fn(buildStore(db, tx, owners, memory, () => (wroteCatalogue = true))));
      } finally {
        // Reads cached while the transaction ran must not outlive it (nor, with PostgreSQL,
        // a catalogue another connection read before this one committed).
        memory.generation++;
        if (wroteCatalogue) {
          memory.catalogue = null;
          memory.catalogueEpoch++;
        }
      }
    },
    close: () => db.close(),
    ...customerQueries(s),
    ...catalogueQueries(s),
    ...subscriptionQueries(s),
    ...invoiceQueries(s),
    ...checkoutSessionQueries(s),
    ...usageQueries(s),
    ...outboxQueries(s),
    ...lifecycleQueries(s.q),
    ...planChangeQueries(s),
    ...paymentQueries(s, owners),
    ...historyQueries(s),
    ...devQueries(s),
  };
  return store;
}
