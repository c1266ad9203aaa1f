import type { Store } from '../store/Store';
import type { UsageEventRecord } from '../store/records';

/** One usage event as a route hands it over (already validated; subject is a store key). */
export interface UsageEvent {
  subject: string;
  metric: string;
  quantity: number;
  idempotencyKey?: string | undefined;
}

/** What {@link UsageWriter.record} resolves with, once the events are committed. */
export interface UsageWriteResult {
  /** Per event: recorded (`true`), or a repeat of an idempotency key already recorded. */
  recorded: boolean[];
  /** Sequence number of the commit that held them; later commits have higher numbers. */
  commit: number;
}

/** Records usage events with group commit; see {@link createUsageWriter}. */
export interface UsageWriter {
  record(events: UsageEvent[]): Promise<UsageWriteResult>;
  /** Waits for what is queued to be written. */
  drain(): Promise<void>;
}

// The proxy also runs in the browser (Storybook, msw), where there is no setImmediate.
const nextTurn: (fn: () => void) => void =
  typeof setImmediate === 'function' ? (fn) => setImmediate(fn) : (fn) => setTimeout(fn, 0);

interface Pending {
  rows: UsageEventRecord[];
  resolve: (result: UsageWriteResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for usage events, the highest-volume write of a billing backend (one per
 * API call of the customer's app). Requests that arrive while a commit is in flight (or
 * in the same event-loop turn) are written together by the next single INSERT, up to
 * `maxBatch` events; each request is answered only after the commit holding its events,
 * so a crash (kill -9) never loses an acknowledged event. One statement per commit turns
 * ~250 commits/s into thousands of events/s on the embedded database. If a shared commit
 * fails, each request in it is retried alone, so one bad request fails by itself. With
 * `forward` (a processor that meters usage), the same statement queues the recorded events
 * of the metered metrics in the outbox, to be sent after commit.
 */
export function createUsageWriter(options: {
  store: Store;
  now: () => Date;
  maxBatch?: number;
  /** Usage of these metrics is also forwarded to the processor (an outbox row per commit); `wallNow` schedules it. */
  forward?: { metrics: readonly string[]; wallNow: () => Date; onWritten?: () => void };
}): UsageWriter {
  const maxBatch = options.maxBatch ?? 2000;
  let queue: Pending[] = [];
  let running: Promise<void> | null = null;
  let commits = 0;

  const write = async (group: Pending[]) => {
    const rows = group.flatMap((p) => p.rows);
    const { forward } = options;
    const recorded = forward
      ? await options.store.insertUsageEvents(rows, { metrics: forward.metrics, created_at: rows[0]!.recorded_at, next_attempt_at: forward.wallNow() })
      : await options.store.insertUsageEvents(rows);
    if (forward && recorded.some(Boolean)) forward.onWritten?.();
    const commit = ++commits;
    let at = 0;
    for (const p of group) {
      p.resolve({ recorded: recorded.slice(at, at + p.rows.length), commit });
      at += p.rows.length;
    }
  };

  const run = async () => {
    // Let the requests of this event-loop turn join the first commit.
    await new Promise<void>((resolve) => nextTurn(resolve));
    while (queue.length > 0) {
      let size = 0;
      let take = 0;
      while (take < queue.length && (take === 0 || size + queue[take]!.rows.length <= maxBatch)) size += queue[take++]!.rows.length;
      const group = queue.slice(0, take);
      queue = queue.slice(take);
      try {
        await write(group);
      } catch (error) {
        if (group.length === 1) group[0]!.reject(error);
        else {
          for (const p of group) await write([p]).catch((alone: unknown) => p.reject(alone));
        }
      }
    }
    running = null;
  };

  return {
    record(events) {
      const at = options.now();
      const rows = events.map((e) => ({
        subject: e.subject,
        metric: e.metric,
        quantity: e.quantity,
        recorded_at: at,
        idempotency_key: e.idempotencyKey ?? null,
      }));
      return new Promise<UsageWriteResult>((resolve, reject) => {
        queue.push({ rows, resolve, reject });
        running ??= run();
      });
    },
    drain: () => running ?? Promise.resolve(),
  };
}
