import { formatMoney } from '../../contract/formatMoney';
import type { CheckoutSession, CheckoutSessionSummary } from '../../contract/types';
import { CHECKOUT_SESSION_TTL_MS, parseCheckoutSessionId, signCheckoutSession, verifyCheckoutSession } from '../checkout/checkoutSessionSignature';
import { randomHex, randomId } from '../crypto/hmac';
import { InvalidParameter } from '../domainErrors';
import type { PaymentProcessor } from '../processor/types';
import type { CheckoutSessionRecord, PlanRecord, PriceRecord, PromotionCodeRecord, SubjectKind } from '../store/records';
import type { BillingContext } from './BillingContext';
import { processorCustomers } from './processorCustomers';
import { checkQuantity, isPerUnit, periodAmount } from './quantity';
import { iso } from './time';
import { withCheckoutSessionId } from '../../contract/checkoutSessionId';

/** What a checkout charges, from price, promotion code and trial. */
export interface CheckoutAmounts {
  subtotal: number;
  discount: number;
  /** Charged when the checkout completes: 0 during a trial. */
  dueToday: number;
  /** What each following period costs (after the trial, or after a `once` discount). */
  then: number;
}

/**
 * Prices a checkout of `quantity` units (1 for flat prices: the subtotal is `amount × quantity`). A percent code takes that share of the price (rounded to the
 * minor unit), an amount code takes its amount (never below zero). `once` codes apply
 * to the first charged invoice only; `forever` and `repeating` ones to later periods too.
 * A trial makes today's amount 0; the discount then applies to the first charge after it.
 */
export function priceCheckout(price: PriceRecord, promo: PromotionCodeRecord | null, trialDays: number | null, quantity = 1): CheckoutAmounts {
  const subtotal = periodAmount(price, quantity);
  const discount = promo
    ? promo.percent_off !== null
      ? Math.round((subtotal * promo.percent_off) / 100)
      : Math.min(subtotal, promo.amount_off ?? 0)
    : 0;
  const discounted = subtotal - discount;
  if (trialDays) return { subtotal, discount, dueToday: 0, then: discounted };
  return { subtotal, discount, dueToday: discounted, then: promo?.duration === 'once' ? subtotal : discounted };
}

/**
 * A short human label for a promotion code: "20% off", "$10.00 off once", "¥500 off".
 * Amounts are minor units of the code's currency (`currency`, the checkout's, for a code
 * without one), formatted by the one money formatter (0 decimals for JPY, 3 for KWD).
 */
export function promotionLabel(promo: PromotionCodeRecord, currency: string): string {
  const what =
    promo.percent_off !== null
      ? `${promo.percent_off}% off`
      : `${formatMoney(promo.amount_off ?? 0, promo.currency ?? currency, 'en-US')} off`;
  if (promo.duration === 'once') return `${what} once`;
  if (promo.duration === 'repeating') return `${what} for ${promo.duration_in_months} months`;
  return what;
}

/** Looks a promotion code up (case-insensitively) and refuses unknown, expired or mismatched ones. */
async function resolvePromotionCode(
  ctx: BillingContext,
  code: string,
  price: PriceRecord,
): Promise<PromotionCodeRecord> {
  const promo = await ctx.store.getPromotionCode(code.trim().toUpperCase());
  if (!promo || (promo.currency !== null && promo.currency !== price.currency)) {
    throw new InvalidParameter('promotion_code_invalid', `The promotion code "${code}" is not valid.`, 'promotion_code');
  }
  if (promo.expires_at && promo.expires_at.getTime() <= ctx.now().getTime()) {
    throw new InvalidParameter('promotion_code_expired', `The promotion code "${code}" has expired.`, 'promotion_code');
  }
  return promo;
}

/** `POST /checkout` input after validation at the route edge. */
export interface CreateCheckoutInput {
  price_id: string;
  success_url: string;
  cancel_url: string;
  promotion_code?: string;
  trial_days?: number;
  ui_mode: 'hosted' | 'embedded';
  /** Units of a per-unit price (checked by `checkQuantity`). */
  quantity?: number;
}

/**
 * The trial a checkout starts, from the plan's trial (`trial_period_days`) and the
 * request's `trial_days`, one trial per subject:
 * - `trial_days` given: the plan must have trials (else `trial_not_allowed`), it may only
 *   shorten the plan's trial (longer: `parameter_invalid`), and the subject must never
 *   have had a trial or a paid subscription (else `trial_already_used`); all on `trial_days`.
 * - `trial_days` left out: the plan's whole trial when it is the plan's default
 *   (`trial_by_default`) and the subject is eligible; an ineligible subject simply gets no
 *   trial (it did not ask for one), and a plan whose trial is by request gets none.
 * `null`: no trial.
 */
async function checkoutTrialDays(
  ctx: BillingContext,
  subject: string,
  plan: PlanRecord,
  requested: number | undefined,
): Promise<number | null> {
  const offered = plan.trial_period_days;
  if (requested === undefined) {
    if (!offered || !plan.trial_by_default) return null;
    return (await ctx.store.hadTrialOrPayment(subject)) ? null : offered;
  }
  if (!offered) throw new InvalidParameter('trial_not_allowed', `The ${plan.name} plan does not offer trials.`, 'trial_days');
  if (requested > offered) {
    throw new InvalidParameter('parameter_invalid', `The ${plan.name} plan's trial is ${offered} days; trial_days may only shorten it (1 to ${offered}).`, 'trial_days');
  }
  if (await ctx.store.hadTrialOrPayment(subject)) {
    throw new InvalidParameter('trial_already_used', 'A trial is only for a first subscription: this account already had a trial or a paid subscription.', 'trial_days');
  }
  return requested;
}

/**
 * Which card form an embedded session shows (its wire `processor`): Stripe's own, or the
 * proxy's card form (`test`), which pays through `confirmPayment`, for any processor that
 * takes no checkout of its own. Another processor with a checkout of its own has none yet.
 */
function embeddedFormOf(processor: PaymentProcessor): CheckoutSession['processor'] | null {
  if (processor.name === 'stripe') return 'stripe';
  return processor.createCheckout ? null : 'test';
}

/**
 * Opens a checkout session for the subject: checks the price, promotion code and
 * trial ({@link checkoutTrialDays}), fixes the amounts, and hands out the signed session id (valid 24 hours).
 */
export async function createCheckout(
  ctx: BillingContext,
  caller: { subject: string; kind: SubjectKind },
  input: CreateCheckoutInput,
  publicUrl: string,
): Promise<CheckoutSession> {
  const found = await ctx.store.getPrice(input.price_id);
  if (!found) throw new InvalidParameter('resource_missing', `No such price: "${input.price_id}".`, 'price_id');
  const { price, plan } = found;
  if (price.model === 'one_time' || !price.interval) {
    throw new InvalidParameter('parameter_invalid', 'Only recurring prices can start a subscription.', 'price_id');
  }
  const quantity = checkQuantity(price, plan, input.quantity);
  const promo = input.promotion_code ? await resolvePromotionCode(ctx, input.promotion_code, price) : null;
  const trialDays = await checkoutTrialDays(ctx, caller.subject, plan, input.trial_days);
  const amounts = priceCheckout(price, promo, trialDays, quantity);
  const now = ctx.now();
  const id = randomId('sess', 24);
  const expiresAt = new Date(now.getTime() + CHECKOUT_SESSION_TTL_MS);
  const sessionId = await signCheckoutSession({ id, subject: caller.subject, expiresAt, secret: ctx.signingSecret });
  const form = embeddedFormOf(ctx.processor);
  if (input.ui_mode === 'embedded' && !form) {
    throw new InvalidParameter('parameter_invalid', 'This payment processor has no embedded checkout; use ui_mode "hosted".', 'ui_mode');
  }
  // Processors that take the payment themselves (Stripe) create their side first, so a
  // refusal there leaves no session row behind.
  const external = ctx.processor.createCheckout
    ? await ctx.processor.createCheckout({
        checkoutId: id,
        sessionId,
        subject: caller.subject,
        subjectKind: caller.kind,
        plan,
        price,
        quantity,
        promotion: promo,
        trialDays,
        uiMode: input.ui_mode,
        successUrl: withCheckoutSessionId(input.success_url, sessionId),
        cancelUrl: input.cancel_url,
        customers: processorCustomers(ctx.store, ctx.processor),
      })
    : null;
  const clientSecret = external?.clientSecret ?? `${id}_secret_${randomHex(16)}`;
  await ctx.store.insertCheckoutSession({
    id,
    subject: caller.subject,
    subject_kind: caller.kind,
    price_id: price.id,
    quantity,
    promotion_code: promo?.code ?? null,
    trial_days: trialDays,
    success_url: input.success_url,
    cancel_url: input.cancel_url,
    ui_mode: input.ui_mode,
    client_secret: clientSecret,
    status: 'open',
    amount_subtotal: amounts.subtotal,
    amount_discount: amounts.discount,
    amount_due_today: amounts.dueToday,
    currency: price.currency,
    payment_id: null,
    paid_at: null,
    fulfilled_at: null,
    activated_at: null,
    subscription_id: null,
    expires_at: expiresAt,
    created_at: now,
  });
  const session: CheckoutSession = {
    checkout_url: external?.checkoutUrl ?? `${publicUrl}/billing/checkout/${encodeURIComponent(sessionId)}`,
    session_id: sessionId,
  };
  if (input.ui_mode === 'embedded') {
    session.client_secret = clientSecret;
    if (form) session.processor = form;
    if (external?.publishableKey) session.publishable_key = external.publishableKey;
  }
  return session;
}

/** A checkout session found by its signed id, with everything needed to show or pay it. */
export interface LoadedCheckout {
  sessionId: string;
  row: CheckoutSessionRecord;
  price: PriceRecord;
  plan: PlanRecord;
  promo: PromotionCodeRecord | null;
  /** Past its 24 hours and not completed. */
  expired: boolean;
}

/**
 * Finds a checkout session by its signed id. `null` unless the id is well formed, known
 * and correctly signed for the session's subject, and (when `subject` is given) belongs
 * to that subject. Expiry is reported, not refused, so pages can say "expired".
 */
export async function loadCheckout(
  ctx: BillingContext,
  sessionId: string,
  subject?: string,
): Promise<LoadedCheckout | null> {
  const parts = parseCheckoutSessionId(sessionId);
  if (!parts) return null;
  const row = await ctx.store.getCheckoutSession(parts.id);
  if (!row || (subject !== undefined && row.subject !== subject)) return null;
  const verdict = await verifyCheckoutSession(sessionId, { secret: ctx.signingSecret, subject: row.subject, now: ctx.now() });
  if (!verdict.ok && verdict.reason !== 'expired') return null;
  const found = await ctx.store.getPrice(row.price_id);
  if (!found) return null;
  const promo = row.promotion_code ? await ctx.store.getPromotionCode(row.promotion_code) : null;
  return { sessionId, row, ...found, promo, expired: !verdict.ok && row.status !== 'complete' };
}

/** `GET /checkout/:session_id`: what an in-page checkout form shows. */
export function toCheckoutSummary(c: LoadedCheckout): CheckoutSessionSummary {
  return {
    session_id: c.sessionId,
    status: c.row.status === 'complete' ? 'complete' : c.expired ? 'expired' : 'open',
    plan: { id: c.plan.id, name: c.plan.name },
    price: { id: c.price.id, amount: c.price.amount, currency: c.price.currency, interval: c.price.interval },
    promotion: c.promo
      ? { code: c.promo.code, percent_off: c.promo.percent_off, amount_off: c.promo.amount_off, duration: c.promo.duration }
      : null,
    trial_days: c.row.trial_days,
    quantity: c.row.quantity,
    unit_label: isPerUnit(c.price) ? (c.price.unit_label ?? null) : null,
    amount_subtotal: c.row.amount_subtotal,
    amount_discount: c.row.amount_discount,
    amount_due_today: c.row.amount_due_today,
    currency: c.row.currency,
    expires_at: iso(c.row.expires_at),
    subscription_id: c.row.subscription_id,
  };
}
