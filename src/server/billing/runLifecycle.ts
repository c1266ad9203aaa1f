import { isEnded } from '../../contract/subscriptionRules';
import type { LifecycleStep, LifecycleStepKind } from '../store/Store';
import { Conflict } from '../domainErrors';
import type { BillingContext } from './BillingContext';
import { createEmitter, type LifecycleEvent, type StepContext } from './events';
import { beginInvoicePayment, chargeBegunInvoice, recordFailure, settleInvoicePayment, type BegunInvoicePayment } from './invoicePayment';
import { DEFAULT_RETRY_DAYS } from './invoiceTransitions';
import { scheduleOf } from './lifecycleSchedule';
import { endPeriod, isFinalUsageInvoice } from './renewSubscription';
import { saveSubscription } from './saveSubscription';
import { reconcile } from './settlePayments';

/** Options of the lifecycle engine. */
export interface LifecycleOptions {
  /** Days after an invoice's first failed charge at which it is retried; default 3, 5, 7. */
  retryDays?: readonly number[];
  /**
   * A step that throws puts its subscription's lifecycle off by this much (wall clock),
   * doubling with each failure in a row, at most an hour; the other subscriptions' steps
   * run meanwhile. Default 60 s, at least 1 s.
   */
  failureBackoffMs?: number;
  /**
   * Told of each step that threw (it is put off, see `failureBackoffMs`), and the run goes
   * on. Without it, `runLifecycle` throws the first such error once everything else due ran.
   */
  onStepError?: (error: unknown, failed: LifecycleStepFailure) => void;
}

/** A lifecycle step that threw, and when its subscription's steps are due again. */
export interface LifecycleStepFailure {
  subscriptionId: string;
  kind: LifecycleStepKind;
  /** Failures in a row of this subscription's steps. */
  failures: number;
  retryAt: Date;
}

const DEFAULT_FAILURE_BACKOFF_MS = 60_000;

/** An invoice charge a step began, to be made once its transaction committed. */
interface ChargeToMake {
  begun: Extract<BegunInvoicePayment, { status: 'begun' }>;
  description: string;
}

/**
 * Carries out one claimed step. The row is locked and re-read here, so a step another
 * proxy already did (or one no longer due) does nothing: each happens exactly once. A
 * subscription's step runs only while its schedule (billing/lifecycleSchedule.ts) still
 * names it, due by now.
 */
async function runStep(step: StepContext, claimed: LifecycleStep): Promise<ChargeToMake | void> {
  const { store, at } = step;
  const sub = await store.getSubscription(claimed.subscriptionId);
  if (!sub) return;
  if (claimed.kind !== 'retry') {
    const due = scheduleOf(sub);
    if (!due || due.kind !== claimed.kind || due.at.getTime() > at.getTime()) {
      // The stored step is not the rule's for this row (written beside saveSubscription: a
      // hand edit): nothing runs, and the row is rescheduled so it is not claimed again.
      await saveSubscription(store, sub, {});
      return;
    }
  }
  switch (claimed.kind) {
    case 'period_end':
      await endPeriod(step, sub);
      return;
    case 'trial_will_end': {
      const sent = await saveSubscription(store, sub, { trial_will_end_sent_at: at });
      await step.emit('subscription.trial_will_end', sub.subject, sent);
      return;
    }
    case 'resume': {
      const active = await saveSubscription(store, sub, { status: 'active', resume_at: null });
      await step.emit('subscription.updated', sub.subject, active);
      return;
    }
    case 'retry': {
      // An invoice's charge, the first of its period (a renewal, a trial's end) or a dunning
      // retry: begun here, made and settled after this transaction commits.
      const attempts = claimed.invoiceId ? await store.getInvoiceAttempts(claimed.invoiceId) : null;
      if (!claimed.invoiceId || !attempts?.next_payment_attempt || attempts.next_payment_attempt.getTime() > at.getTime()) return;
      const invoice = isEnded(sub) ? await store.lockInvoice(claimed.invoiceId) : null;
      if (isEnded(sub) && !(invoice && isFinalUsageInvoice(invoice, attempts.attempt_count))) {
        // Canceled meanwhile (by the customer): nothing more is collected, as Stripe stops
        // retrying. A final invoice (the last period's usage) is charged once.
        await store.updateInvoicePayment(claimed.invoiceId, { next_payment_attempt: null });
        return;
      }
      const purpose = attempts.attempt_count === 0 ? 'renewal' : 'retry';
      let begun: BegunInvoicePayment;
      try {
        begun = await beginInvoicePayment(step.ctx, store, claimed.invoiceId, { purpose });
      } catch (error) {
        // Not open any more, or the customer is paying it this instant: nothing to do now.
        if (error instanceof Conflict || (error as { code?: string }).code === 'invoice_not_open') return;
        throw error;
      }
      if (begun.status === 'nothing_to_charge') {
        const invoice = await store.lockInvoice(claimed.invoiceId);
        if (invoice) await recordFailure(step, purpose, invoice);
        return;
      }
      if (begun.status === 'done') return;
      return { begun, description: `${sub.plan.name} subscription` };
    }
    default: {
      // Every kind has its case: a new kind fails to compile here until it has one.
      const unknown: never = claimed.kind;
      throw new Error(`lifecycle: no rule for step ${String(unknown)}`);
    }
  }
}

/**
 * Runs the earliest lifecycle step due at or before `until`, in its own transaction, at
 * its own instant. Returns the events it fired, null when nothing is due, or `'busy'`
 * when every due row is being worked on by another proxy right now.
 */
async function runNextLifecycleStep(
  ctx: BillingContext,
  until: Date,
  options: LifecycleOptions = {},
): Promise<LifecycleEvent[] | null | 'busy' | { error: unknown; failed: LifecycleStepFailure }> {
  // Cheap check outside a transaction first: the scheduler asks every tick.
  if (!(await ctx.store.nextLifecycleStep(until, { wallNow: ctx.wallNow() }))) return null;
  let events: LifecycleEvent[] = [];
  let claimed: LifecycleStep | null = null;
  let charge: ChargeToMake | undefined;
  const retryDays = options.retryDays ?? DEFAULT_RETRY_DAYS;
  try {
    const ran = await ctx.store.transaction(async (store) => {
      events = [];
      claimed = await store.nextLifecycleStep(until, { lock: true, wallNow: ctx.wallNow() });
      if (!claimed) return false;
      const step: StepContext = { ctx, store, at: claimed.due, retryDays, emit: createEmitter(ctx, store, claimed.due, events) };
      charge = (await runStep(step, claimed)) ?? undefined;
      // Only a subscription that failed before has a count to clear: no extra write per step otherwise.
      if (claimed.failures > 0) await store.clearLifecycleFailures(claimed.subscriptionId);
      return true;
    });
    if (!ran) return 'busy';
    if (events.length > 0) ctx.onEventsWritten?.();
    if (charge) {
      // Charged at the step's instant: its events and records are stamped with it.
      const at = (claimed as LifecycleStep | null)!.due;
      const stepCtx = { ...ctx, now: () => at };
      const { begun, description } = charge as ChargeToMake;
      const settled = await settleInvoicePayment(stepCtx, begun.payment, await chargeBegunInvoice(stepCtx, begun, description), retryDays);
      events.push(...settled.events);
    }
  } catch (error) {
    // The step's transaction rolled back (nothing of it was written), or its charge could
    // not be made. Put its subscription off, so it neither blocks the steps due after it
    // nor runs again every tick.
    const step = claimed as LifecycleStep | null;
    if (!step) throw error;
    const { failures, retryAt } = await ctx.store.deferLifecycle(step.subscriptionId, ctx.wallNow(), Math.max(1000, options.failureBackoffMs ?? DEFAULT_FAILURE_BACKOFF_MS));
    return { error, failed: { subscriptionId: step.subscriptionId, kind: step.kind, failures, retryAt } };
  }
  return events;
}

/** Safety stop: more steps than this in one run means a step that does not consume itself. */
const MAX_STEPS = 100_000;
/** How long to wait for another proxy's step in flight before looking again, and how often at most in a row. */
const BUSY_WAIT_MS = 20;
const MAX_BUSY_WAITS = 500;

/**
 * Runs every lifecycle step due at or before `until`, one at a time in time order (a
 * 90-day jump renews a monthly subscription three times, each at its own period end).
 * Returns the events fired here, in order. Steps other proxies on the same database are
 * running are waited for (briefly) rather than repeated, so everything due is done on return.
 */
export async function runLifecycle(ctx: BillingContext, until: Date, options: LifecycleOptions = {}): Promise<LifecycleEvent[]> {
  const all: LifecycleEvent[] = [];
  const errors: unknown[] = [];
  const done = () => {
    if (errors.length > 0) throw errors[0];
    return all;
  };
  // Charges a crashed process left unsettled are settled first, as the processor saw them.
  await reconcile(ctx);
  let busy = 0;
  for (let i = 0; i < MAX_STEPS; i++) {
    const events = await runNextLifecycleStep(ctx, until, options);
    if (events === null) return done();
    if (events === 'busy') {
      if (++busy > MAX_BUSY_WAITS) return done();
      await new Promise((resolve) => setTimeout(resolve, BUSY_WAIT_MS));
      continue;
    }
    busy = 0;
    if (!Array.isArray(events)) {
      if (options.onStepError) options.onStepError(events.error, events.failed);
      else errors.push(events.error);
      continue;
    }
    all.push(...events);
  }
  throw new Error(`lifecycle: more than ${MAX_STEPS} steps due by ${until.toISOString()}`);
}
