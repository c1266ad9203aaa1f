import type { CardDetails, ConfirmPaymentMethodSetupResponse, PaymentMethod, PaymentMethodSetup } from '../../contract/types';
import { randomId, timingSafeEqual } from '../crypto/hmac';
import { InvalidParameter, NotFound, PaymentDeclined } from '../domainErrors';
import { hasBrowserCardSetups } from '../processor/ProcessorSetups';
import type { SavedCard } from '../processor/types';
import type { PaymentMethodRecord, PaymentMethodSetupRecord } from '../store/records';
import type { BillingContext } from './BillingContext';
import { SETUP_TTL_MS, toWirePaymentMethod } from './paymentMethodWire';
import { confirmProcessorSetup, createProcessorSetup } from './processorSetups';

/** `GET /payment-method`: the subject's card on file, or null. */
export async function getPaymentMethod(ctx: BillingContext, subject: string): Promise<PaymentMethod | null> {
  const method = await ctx.store.getPaymentMethod(subject);
  return method ? toWirePaymentMethod(method) : null;
}

/**
 * `POST /payment-method/setup`: starts attaching a card. The id and the secret are random
 * (20 and 32 characters of base 62), the row belongs to the subject and expires after
 * {@link SETUP_TTL_MS}. A processor whose browser form takes the card (Stripe) makes its own
 * setup instead (`billing/processorSetups.ts`); any other processor is `InvalidParameter`
 * `processor_unsupported`.
 */
export async function createPaymentMethodSetup(ctx: BillingContext, subject: string): Promise<PaymentMethodSetup> {
  if (hasBrowserCardSetups(ctx.processor)) return createProcessorSetup(ctx, ctx.processor, subject);
  if (ctx.processor.name !== 'test') {
    throw new InvalidParameter('processor_unsupported', 'Card setup with this payment processor is not supported yet.');
  }
  const now = ctx.now();
  const setup: PaymentMethodSetupRecord = {
    id: randomId('seti'),
    subject,
    client_secret: randomId('seti_secret', 32),
    status: 'requires_payment_method',
    payment_id: null,
    expires_at: new Date(now.getTime() + SETUP_TTL_MS),
    created_at: now,
  };
  await ctx.store.insertPaymentMethodSetup(setup);
  return { setup_id: setup.id, client_secret: setup.client_secret, processor: 'test' };
}

/** A setup of the subject that may still be confirmed: another subject's is `NotFound`, like a missing one. */
async function openSetup(ctx: BillingContext, subject: string, id: string, secret: string): Promise<PaymentMethodSetupRecord> {
  const setup = await ctx.store.getPaymentMethodSetup(subject, id);
  if (!setup) throw new NotFound('resource_missing', 'No such payment method setup.');
  if (!timingSafeEqual(secret, setup.client_secret)) {
    throw new InvalidParameter('parameter_invalid', 'client_secret does not belong to this setup.', 'client_secret');
  }
  if (setup.status === 'succeeded') throw new InvalidParameter('setup_intent_unexpected_state', 'This setup has already attached a card.');
  if (setup.expires_at.getTime() <= ctx.now().getTime()) throw new InvalidParameter('setup_expired', 'This setup has expired; start a new one.');
  return setup;
}

/** Saves the attached card as the subject's card on file and closes the setup. */
async function attach(ctx: BillingContext, setup: PaymentMethodSetupRecord, card: SavedCard | undefined): Promise<ConfirmPaymentMethodSetupResponse> {
  if (!card) throw new PaymentDeclined('setup_failed', 'The card could not be attached.');
  const record: PaymentMethodRecord = {
    subject: setup.subject,
    processor_ref: card.processorRef,
    brand: card.brand,
    last4: card.last4,
    exp_month: card.exp_month,
    exp_year: card.exp_year,
    created_at: ctx.now(),
  };
  await ctx.store.transaction(async (store) => {
    await store.savePaymentMethod(record);
    await store.updatePaymentMethodSetup(setup.id, { status: 'succeeded', payment_id: null });
  });
  return { status: 'succeeded', payment_method: toWirePaymentMethod(record) };
}

/**
 * `POST /payment-method/setup/:id/confirm` (test processor): checks the card with nothing
 * charged, as a SetupIntent does. Declined and invalid cards are `PaymentDeclined` with the
 * processor's code (the card on file is unchanged); `4000 0000 0000 0341` attaches (its
 * later charges fail); 3-D Secure cards answer `requires_action`, finished by `/authenticate`.
 */
export async function confirmPaymentMethodSetup(
  ctx: BillingContext,
  subject: string,
  id: string,
  body: { client_secret: string; card?: CardDetails | undefined },
  idempotencyKey: string,
): Promise<ConfirmPaymentMethodSetupResponse> {
  // With Stripe the PaymentElement has confirmed the card in the browser; it never comes here.
  if (hasBrowserCardSetups(ctx.processor)) {
    if (body.card) throw new InvalidParameter('parameter_invalid', 'Card details go to the payment processor directly; send only client_secret.', 'card');
    return confirmProcessorSetup(ctx, ctx.processor, subject, id, body.client_secret);
  }
  if (!body.card) throw new InvalidParameter('parameter_missing', 'Missing required parameter: card.', 'card');
  const setup = await openSetup(ctx, subject, id, body.client_secret);
  const result = await ctx.processor.confirmPayment({
    amount: 0,
    currency: 'usd',
    card: body.card,
    description: 'Card setup',
    idempotencyKey: `setup:${setup.id}:${idempotencyKey}`,
    now: ctx.now(),
  });
  if (result.status === 'failed') throw new PaymentDeclined(result.code, result.message, result.param ? `card.${result.param}` : undefined);
  if (result.status === 'requires_action') {
    await ctx.store.updatePaymentMethodSetup(setup.id, { status: 'requires_action', payment_id: result.paymentId });
    return { status: 'requires_action', next_action: { type: 'authenticate' } };
  }
  return attach(ctx, setup, result.paymentMethod);
}

/** `POST /payment-method/setup/:id/authenticate`: the customer's answer to the 3-D Secure challenge. */
export async function authenticatePaymentMethodSetup(
  ctx: BillingContext,
  subject: string,
  id: string,
  body: { client_secret: string; approve: boolean },
): Promise<ConfirmPaymentMethodSetupResponse> {
  const setup = await openSetup(ctx, subject, id, body.client_secret);
  if (setup.status !== 'requires_action' || !setup.payment_id) {
    throw new InvalidParameter('setup_intent_unexpected_state', 'This setup is not waiting for authentication.');
  }
  const result = await ctx.processor.authenticatePayment({ paymentId: setup.payment_id, approve: body.approve });
  if (result.status !== 'succeeded') {
    // Back to the start: the customer may try another card with the same setup.
    await ctx.store.updatePaymentMethodSetup(setup.id, { status: 'requires_payment_method', payment_id: null });
    const failed = result.status === 'failed' ? result : { code: 'authentication_failed', message: 'Authentication failed.' };
    throw new PaymentDeclined(failed.code, failed.message);
  }
  return attach(ctx, setup, result.paymentMethod);
}
