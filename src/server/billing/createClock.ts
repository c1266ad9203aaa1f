import type { Store } from '../store/Store';

/** The settings key of the dev clock's offset (milliseconds ahead of the real clock). */
const CLOCK_OFFSET_SETTING = 'dev_clock_offset_ms';

/**
 * The proxy's one notion of "now": the real (or injected) clock plus an offset that only
 * moves forward. The offset lives in the store's settings, so a data folder keeps its
 * time across restarts, and proxies sharing one PostgreSQL read the same time.
 */
export interface Clock {
  now(): Date;
  /** How far ahead of the base clock this clock runs, in ms. */
  offsetMs(): number;
  /** Reads the persisted offset (start-up, and each scheduler tick for other processes' advances). */
  load(): Promise<void>;
  /** Moves the clock forward to `to` and persists the offset; never backwards. */
  moveTo(to: Date): Promise<void>;
}

/**
 * Builds the {@link Clock}. With `persist: false` (production: no dev clock) the offset
 * is always 0 and nothing is read or written.
 */
export function createClock(options: { store: Store; base?: () => Date; persist: boolean }): Clock {
  const base = options.base ?? (() => new Date());
  let offset = 0;
  return {
    now: () => (offset === 0 ? base() : new Date(base().getTime() + offset)),
    offsetMs: () => offset,
    async load() {
      if (!options.persist) return;
      const stored = Number(await options.store.getSetting(CLOCK_OFFSET_SETTING));
      // Another process may have moved it further; ours never goes back.
      if (Number.isFinite(stored) && stored > offset) offset = stored;
    },
    async moveTo(to) {
      if (!options.persist) throw new Error('the clock is not adjustable without the dev clock');
      const next = to.getTime() - base().getTime();
      if (next <= offset) return;
      offset = next;
      await options.store.setSetting(CLOCK_OFFSET_SETTING, String(offset));
    },
  };
}
