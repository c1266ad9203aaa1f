/** One durable row an {@link OutboxWorker} works on. */
export interface OutboxItem {
  id: string;
  /** Failed attempts so far: the next delay is `retryBaseMs · 2^attempts`. */
  attempts: number;
}

/** Options of {@link createOutboxWorker}. */
export interface OutboxWorkerOptions<T extends OutboxItem> {
  /** Pending rows due at `now` (oldest first), at most `limit`. */
  due(now: Date, limit: number): Promise<T[]>;
  /** Does the work of one row; throws (or answers an error message) when it has to be tried again. */
  attempt(item: T): Promise<string | null>;
  markDone(item: T, at: Date): Promise<void>;
  markFailed(item: T, error: string, nextAttemptAt: Date): Promise<void>;
  /** First retry delay; doubles per failed attempt up to `maxRetryMs`. Default 1 s. */
  retryBaseMs?: number;
  /** Longest delay between attempts. Default 1 hour; rows are retried until done. */
  maxRetryMs?: number;
  /** How often the rows are checked for due retries. Default 1 s. */
  pollMs?: number;
  /** Called on each failed attempt (the CLI logs it). */
  onError?: (id: string, error: string) => void;
}

/** A background loop over durable rows (the webhook outbox, the processor jobs). */
export interface OutboxWorker {
  /** Starts the loop; rows left pending before a restart are tried first. */
  start(): void;
  /** Checks the rows now (called after a transaction wrote some). */
  kick(): void;
  /** Stops the loop after the attempt in flight. */
  stop(): Promise<void>;
}

const BATCH = 20;

/**
 * The one retry loop of the proxy: works through due rows one at a time, oldest first,
 * marks each done or failed with exponential backoff, and polls for due retries. Rows
 * live in the store, so nothing is lost across restarts. Wall-clock time schedules
 * retries (the app's injectable clock only stamps records). On start, rows left pending
 * by an earlier run are tried at once, whatever their schedule.
 */
export function createOutboxWorker<T extends OutboxItem>(options: OutboxWorkerOptions<T>): OutboxWorker {
  const base = options.retryBaseMs ?? 1000;
  const max = options.maxRetryMs ?? 3_600_000;
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;
  let again = false;
  // After a (re)start every pending row is tried at once: the other side may be back.
  let resumed = false;

  async function work(item: T): Promise<void> {
    let error: string | null;
    try {
      error = await options.attempt(item);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    if (error === null) {
      await options.markDone(item, new Date());
      return;
    }
    const delay = Math.min(max, base * 2 ** item.attempts);
    await options.markFailed(item, error, new Date(Date.now() + delay));
    options.onError?.(item.id, error);
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      const due = await options.due(resumed ? new Date() : new Date('9999-12-31T00:00:00Z'), BATCH);
      for (const item of due) {
        if (!running) return;
        await work(item);
      }
      if (due.length === BATCH) again = true;
      else resumed = true;
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
      .catch((e) => options.onError?.('outbox', e instanceof Error ? e.message : String(e)))
      .finally(() => {
        inFlight = null;
        if (running) timer = setTimeout(tick, options.pollMs ?? 1000);
      });
  }

  return {
    start() {
      if (running) return;
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
