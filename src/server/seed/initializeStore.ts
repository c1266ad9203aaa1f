import type { Store } from '../store/Store';
import { seedDemo } from './demo';

/**
 * Marks a database initialised on its first start, writing the demo seed first when
 * asked. Later starts change nothing, so `--seed demo` only ever seeds a NEW database
 * (and a database first started with `--seed none` never gets the demo later).
 */
export async function initializeStore(store: Store, options: { seed: 'demo' | 'none'; now?: Date }): Promise<{ isNew: boolean }> {
  if ((await store.getSetting('initialized_at')) !== null) return { isNew: false };
  const now = options.now ?? new Date();
  if (options.seed === 'demo') await seedDemo(store, { now });
  await store.setSetting('initialized_at', now.toISOString());
  return { isNew: true };
}
