import type { OutboxRecord } from '../store/records';
import type { Store } from '../store/Store';

/** How one kind of outbox row is carried out, and how its failures are retried. */
export interface OutboxHandler {
  /** Does the work of one row; throws (or answers an error message) when it has to be tried again. */
  attempt(row: OutboxRecord): Promise<string | null>;
  /** First retry delay; doubles per failed attempt up to `maxRetryMs`. Default 1 s. */
  retryBaseMs?: number;
  /** Longest delay between attempts. Default 1 hour; rows are retried until done. */
  maxRetryMs?: number;
  /** Called on each failed attempt (the CLI logs it). */
  onError?: (id: string, error: string) => void;
}

/** Options of {@link createOutboxWorker}. */
export interface OutboxWorkerOptions {
  store: Store;
  /** The handler of each outbox kind; rows of a kind are worked on once it is started. */
  handlers: Partial<Record<string, OutboxHandler>>;
  /** How often the outbox is checked for due retries. Default 1 s. */
  pollMs?: number;
  /** How long a claimed row is left to its attempt before it is due again. Default 5 minutes. */
  leaseMs?: number;
  /** The wall clock that schedules attempts and leases (the app's `now` option; not the dev clock). */
  now: () => Date;
}

/** The background loop over the outbox. */
export interface OutboxWorker {
  /** Starts working on `kind` (every handled kind when omitted); rows left pending before a restart are tried first. */
  start(kind?: string): void;
  /** Checks the outbox now (called after a transaction wrote to it). */
  kick(): void;
  /** Stops the loop after the attempt in flight. */
  stop(): Promise<void>;
}

const BATCH = 20;
/** `now` that makes every pending row due: after a (re)start the other side may be back. */
const EVERYTHING = new Date('9999-12-31T00:00:00Z');

/**
 * The one retry loop of the proxy, over the store's one outbox table: claims due rows
 * (oldest first), hands each to the handler of its kind, marks it done or failed with
 * exponential backoff, and polls for due retries. Rows live in the store, so nothing is
 * lost across restarts. The wall clock (`now`, the app's) schedules retries; the billing
 * clock, which the dev clock moves, only stamps records. When a kind starts, its rows left pending by an earlier run are tried
 * at once, whatever their schedule.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { store, handlers, now } = options;
  const later = (ms: number) => new Date(now().getTime() + ms);
  const started = new Set<string>();
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;
  let again = false;
  let resumed = false;

  async function work(row: OutboxRecord, handler: OutboxHandler): Promise<void> {
    let error: string | null;
    try {
      error = await handler.attempt(row);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    if (error === null) {
      await store.markOutboxDone(row.id, now());
      return;
    }
    const delay = Math.min(handler.maxRetryMs ?? 3_600_000, (handler.retryBaseMs ?? 1000) * 2 ** row.attempts);
    await store.markOutboxFailed(row.id, error, later(delay));
    handler.onError?.(row.id, error);
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      const lease = later(options.leaseMs ?? 300_000);
      // After a (re)start the first claim takes rows whatever their schedule; later ones what is due.
      const due = await store.claimOutbox([...started], resumed ? now() : EVERYTHING, BATCH, lease);
      resumed = true;
      for (const row of due) {
        if (!running) return;
        await work(row, handlers[row.kind]!);
      }
      // A claim takes one row per subject: look again at once for each subject's next row.
      if (due.length > 0) again = true;
    } while (again && running);
  }

  function tick(): void {
    if (!running) return;
    if (inFlight) {
      again = true;
      return;
    }
    clearTimeout(timer);
    inFlight = drain()
      .catch((e) => {
        const error = e instanceof Error ? e.message : String(e);
        for (const kind of started) handlers[kind]?.onError?.('outbox', error);
      })
      .finally(() => {
        inFlight = null;
        if (running) timer = setTimeout(tick, options.pollMs ?? 1000);
      });
  }

  return {
    start(kind) {
      const kinds = kind === undefined ? Object.keys(handlers) : [kind];
      const fresh = kinds.filter((k) => handlers[k] && !started.has(k));
      if (fresh.length === 0) return;
      for (const k of fresh) started.add(k);
      resumed = false;
      running = true;
      tick();
    },
    kick: () => tick(),
    async stop() {
      running = false;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
