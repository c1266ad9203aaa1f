import type { BillingContext } from './BillingContext';
import type { LifecycleEvent } from './events';
import type { Clock } from './createClock';
import { runLifecycle, type LifecycleOptions } from './runLifecycle';

/** Options of {@link createLifecycleScheduler}. */
export interface LifecycleSchedulerOptions extends LifecycleOptions {
  ctx: BillingContext;
  clock: Clock;
  /** How often due steps are looked for. Default 1 s. */
  pollMs?: number;
  /** Called when a run fails (the CLI logs it); the next tick tries again. */
  onError?: (error: unknown) => void;
}

/** Runs the subscription lifecycle in the proxy process. */
export interface LifecycleScheduler {
  /** Starts the timer (unref'd: it never keeps a process alive). */
  start(): void;
  /** Stops the timer after the run in flight. */
  stop(): Promise<void>;
  /** Runs every step due by the clock's now (what each tick does). */
  runDue(): Promise<LifecycleEvent[]>;
  /**
   * Moves the clock forward to `to`, running every step due on the way at its own
   * instant, then sets the clock. Returns the events fired, in order.
   */
  advance(to: Date): Promise<LifecycleEvent[]>;
}

/**
 * The scheduler: a timer that runs due lifecycle steps (renewals, trial ends, dunning
 * retries, cancellations at period end, resumes). Runs in this process never overlap
 * (a tick waits for an advance and the reverse); runs of other processes on the same
 * PostgreSQL are kept apart by the engine's row locks. Each tick re-reads the clock's
 * persisted offset, so an advance made through another proxy is followed here.
 */
export function createLifecycleScheduler(options: LifecycleSchedulerOptions): LifecycleScheduler {
  const { ctx, clock } = options;
  const pollMs = options.pollMs ?? 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let chain: Promise<unknown> = Promise.resolve();

  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };
  // A step that throws is put off (runLifecycle) and reported here; the run goes on.
  const runOptions: LifecycleOptions = {
    ...options,
    onStepError: options.onStepError ?? ((error, failed) => options.onError?.(Object.assign(new Error(
      `lifecycle step ${failed.kind} of ${failed.subscriptionId} failed (${failed.failures} in a row; next try after ${failed.retryAt.toISOString()}): ${error instanceof Error ? error.message : String(error)}`,
    ), { cause: error }))),
  };
  const runDue = () =>
    exclusive(async () => {
      await clock.load();
      return runLifecycle(ctx, clock.now(), runOptions);
    });

  const tick = async () => {
    timer = undefined;
    try {
      await runDue();
    } catch (error) {
      options.onError?.(error);
    }
    if (running) schedule();
  };
  function schedule() {
    timer = setTimeout(() => void tick(), pollMs);
    (timer as { unref?: () => void }).unref?.();
  }

  return {
    start() {
      if (running) return;
      running = true;
      schedule();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await chain;
    },
    runDue,
    advance: (to) =>
      exclusive(async () => {
        await clock.load();
        const events = await runLifecycle(ctx, to, runOptions);
        await clock.moveTo(to);
        return events;
      }),
  };
}
