import { isEnded } from '../../contract/subscriptionRules';
import type { ConfirmPaymentMethodSetupResponse, PaymentMethod, PaymentMethodSetup } from '../../contract/types';
import { randomId, timingSafeEqual } from '../crypto/hmac';
import { InvalidParameter, NotFound, PaymentDeclined } from '../domainErrors';
import { hasBrowserCardSetups, type BrowserCardSetups, type ProcessorSetup } from '../processor/ProcessorSetups';
import type { PaymentMethodRecord, PaymentMethodSetupRecord } from '../store/records';
import type { BillingContext } from './BillingContext';
import { SETUP_TTL_MS, toWirePaymentMethod } from './paymentMethodWire';
import { processorCustomers } from './processorCustomers';
import type { ProcessorEventOutcome } from './ProcessorEventOutcome';

/**
 * Card setups with a processor whose own browser form confirms the card (Stripe's
 * PaymentElement on a SetupIntent). The proxy never sees the card: it makes the setup,
 * then, once the processor says it `succeeded` (the browser's confirm call or the
 * processor's webhook, whichever comes first), makes the card the default of the
 * customer and of the subject's live subscription and records it as the card on file.
 */

/** `POST /payment-method/setup` with such a processor: its setup, recorded under the processor's id. */
export async function createProcessorSetup(ctx: BillingContext, processor: BrowserCardSetups, subject: string): Promise<PaymentMethodSetup> {
  // A fresh key per request: the client's own retries of one call never make two setups.
  const created = await processor.createSetup({ subject, customers: processorCustomers(ctx.store, ctx.processor), idempotencyKey: `billkit-setup-${randomId('req')}` });
  const now = ctx.now();
  const row: PaymentMethodSetupRecord = {
    id: created.setup.id,
    subject,
    client_secret: created.setup.clientSecret,
    status: 'requires_payment_method',
    payment_id: null,
    expires_at: new Date(now.getTime() + SETUP_TTL_MS),
    created_at: now,
  };
  await ctx.store.insertPaymentMethodSetup(row);
  return {
    setup_id: row.id,
    client_secret: row.client_secret,
    processor: 'stripe',
    ...(created.publishableKey ? { publishable_key: created.publishableKey } : {}),
  };
}

/** Why a setup that has not succeeded cannot be recorded: the processor's decline, or its state. */
function notSucceeded(setup: ProcessorSetup): Error {
  if (setup.status === 'requires_payment_method' && setup.lastError) return new PaymentDeclined(setup.lastError.code, setup.lastError.message);
  const why: Record<Exclude<ProcessorSetup['status'], 'succeeded'>, string> = {
    requires_payment_method: 'The card has not been confirmed yet: confirm the setup in the browser first.',
    requires_confirmation: 'The card has not been confirmed yet: confirm the setup in the browser first.',
    requires_action: 'The card asks for authentication: finish it in the browser first.',
    processing: 'The card is still being checked; try again in a moment.',
    canceled: 'This setup was canceled; start a new one.',
  };
  return new InvalidParameter('setup_intent_unexpected_state', why[setup.status as keyof typeof why]);
}

/**
 * Records a succeeded setup once: the card becomes the processor's default (customer and
 * live subscription) and the card on file. Run again (the webhook after the confirm, or
 * the other way round) it changes nothing and answers the same card.
 */
async function recordSucceededSetup(
  ctx: BillingContext,
  processor: BrowserCardSetups,
  row: PaymentMethodSetupRecord,
  setup: ProcessorSetup,
): Promise<PaymentMethod> {
  const paymentMethod = setup.paymentMethod;
  if (!paymentMethod) throw new PaymentDeclined('setup_failed', 'The card could not be attached.');
  const card = await processor.retrieveCard(paymentMethod);
  if (row.status === 'succeeded' && row.payment_id === paymentMethod) return toWirePaymentMethod(card);
  const current = await ctx.store.findCurrentSubscription(row.subject, ctx.now());
  const subscriptions =
    current?.processor_ref && !isEnded(current)
      ? [{ processorRef: current.processor_ref, subscriptionId: current.id, subject: row.subject }]
      : [];
  await processor.setDefaultPaymentMethod({ subject: row.subject, customers: processorCustomers(ctx.store, ctx.processor), paymentMethod, subscriptions });
  const record: PaymentMethodRecord = { subject: row.subject, processor_ref: card.processorRef, ...toWirePaymentMethod(card), created_at: ctx.now() };
  await ctx.store.transaction(async (store) => {
    // The confirm call and the webhook may race: the first to lock the row records the card.
    const locked = await store.getPaymentMethodSetup(row.subject, row.id, { forUpdate: true });
    if (!locked || locked.status === 'succeeded') return;
    await store.savePaymentMethod(record);
    await store.updatePaymentMethodSetup(row.id, { status: 'succeeded', payment_id: paymentMethod });
  });
  return toWirePaymentMethod(card);
}

/**
 * `POST /payment-method/setup/:id/confirm` `{ client_secret }` with such a processor,
 * after its browser form confirmed the setup: another subject's (or an unknown) setup is
 * `NotFound`; a setup the processor has not marked `succeeded` is `PaymentDeclined` with
 * its decline code, or `InvalidParameter` `setup_intent_unexpected_state`.
 */
export async function confirmProcessorSetup(
  ctx: BillingContext,
  processor: BrowserCardSetups,
  subject: string,
  id: string,
  clientSecret: string,
): Promise<ConfirmPaymentMethodSetupResponse> {
  const row = await ctx.store.getPaymentMethodSetup(subject, id);
  if (!row) throw new NotFound('resource_missing', 'No such payment method setup.');
  if (!timingSafeEqual(clientSecret, row.client_secret)) {
    throw new InvalidParameter('parameter_invalid', 'client_secret does not belong to this setup.', 'client_secret');
  }
  const setup = await processor.retrieveSetup(row.id);
  if (setup.subject !== subject) throw new NotFound('resource_missing', 'No such payment method setup.');
  if (setup.status !== 'succeeded') throw notSucceeded(setup);
  return { status: 'succeeded', payment_method: await recordSucceededSetup(ctx, processor, row, setup) };
}

/**
 * The processor says a setup succeeded (Stripe's `setup_intent.succeeded`): recorded as the
 * confirm call would, for when the browser closed before calling it. Setups Billkit did
 * not make, or that have not succeeded by now, are ignored.
 */
export async function applySucceededSetup(ctx: BillingContext, setupId: string, subject: string | null): Promise<ProcessorEventOutcome> {
  const processor = ctx.processor;
  if (!subject || !hasBrowserCardSetups(processor)) return 'ignored';
  const row = await ctx.store.getPaymentMethodSetup(subject, setupId);
  if (!row) return 'ignored';
  // The event may be old news: the processor's current state decides.
  const setup = await processor.retrieveSetup(setupId);
  if (setup.status !== 'succeeded' || setup.subject !== subject) return 'ignored';
  await recordSucceededSetup(ctx, processor, row, setup);
  return 'applied';
}
