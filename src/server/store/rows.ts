import type { InvoiceLineTier, PriceUsage } from '../../contract/types';
import type {
  CheckoutSessionRecord,
  CustomerRecord,
  InvoiceLineRecord,
  InvoiceRecord,
  OutboxRecord,
  PlanRecord,
  PriceRecord,
  PromotionCodeRecord,
  SubscriptionRecord,
} from './records';

/**
 * How each table's row becomes a record, declared once. PGlite and `pg` hand back
 * timestamps as `Date` or strings and bigints as strings, so every column goes through
 * one of these converters.
 */
export type Row = Record<string, unknown>;

export const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : date(v));
export const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));
const textOrNull = (v: unknown): string | null => (v as string | null) ?? null;

function json<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

/** `prefix`: the column alias prefix when the plan's columns come from a join (`pl_id`, …). */
export function planRow(r: Row, prefix = ''): PlanRecord {
  return {
    id: r[`${prefix}id`] as string,
    key: r[`${prefix}key`] as string,
    name: r[`${prefix}name`] as string,
    description: textOrNull(r[`${prefix}description`]),
    features: json<string[]>(r[`${prefix}features`]),
    recommended: Boolean(r[`${prefix}recommended`]),
    hidden: Boolean(r[`${prefix}hidden`]),
    trial_period_days: numOrNull(r[`${prefix}trial_period_days`]),
    trial_by_default: Boolean(r[`${prefix}trial_by_default`]),
    sort_order: num(r[`${prefix}sort_order`]),
  };
}

export function priceRow(r: Row, prefix = ''): PriceRecord {
  return {
    id: r[`${prefix}id`] as string,
    plan_id: r[`${prefix}plan_id`] as string,
    amount: num(r[`${prefix}amount`]),
    currency: r[`${prefix}currency`] as string,
    interval: (r[`${prefix}interval`] as PriceRecord['interval']) ?? null,
    model: r[`${prefix}model`] as PriceRecord['model'],
    sort_order: num(r[`${prefix}sort_order`]),
    usage: json<PriceUsage[] | undefined>(r[`${prefix}usage`]) ?? [],
    unit_label: textOrNull(r[`${prefix}unit_label`]),
    min_quantity: numOrNull(r[`${prefix}min_quantity`]),
    max_quantity: numOrNull(r[`${prefix}max_quantity`]),
  };
}

export function promotionCodeRow(r: Row): PromotionCodeRecord {
  return {
    code: r.code as string,
    percent_off: numOrNull(r.percent_off),
    amount_off: numOrNull(r.amount_off),
    currency: textOrNull(r.currency),
    duration: r.duration as PromotionCodeRecord['duration'],
    duration_in_months: numOrNull(r.duration_in_months),
    expires_at: dateOrNull(r.expires_at),
  };
}

export function customerRow(r: Row): CustomerRecord {
  return {
    id: r.id as string,
    kind: r.kind as CustomerRecord['kind'],
    name: textOrNull(r.name),
    email: textOrNull(r.email),
    created_at: date(r.created_at),
  };
}

export function subscriptionRow(r: Row): SubscriptionRecord {
  return {
    id: r.id as string,
    subject: r.subject as string,
    price_id: r.price_id as string,
    status: r.status as SubscriptionRecord['status'],
    current_period_start: date(r.current_period_start),
    current_period_end: date(r.current_period_end),
    cancel_at_period_end: Boolean(r.cancel_at_period_end),
    trial_end: dateOrNull(r.trial_end),
    canceled_at: dateOrNull(r.canceled_at),
    ended_at: dateOrNull(r.ended_at),
    promotion_code: textOrNull(r.promotion_code),
    created_at: date(r.created_at),
    processor_ref: textOrNull(r.processor_ref),
    pending_price_id: textOrNull(r.pending_price_id),
    trial_will_end_sent_at: dateOrNull(r.trial_will_end_sent_at),
    resume_at: dateOrNull(r.resume_at),
    quantity: r.quantity === undefined || r.quantity === null ? 1 : num(r.quantity),
    pending_quantity: numOrNull(r.pending_quantity),
  };
}

export function invoiceRow(r: Row): InvoiceRecord {
  return {
    id: r.id as string,
    subject: r.subject as string,
    subscription_id: textOrNull(r.subscription_id),
    amount_due: num(r.amount_due),
    amount_paid: num(r.amount_paid),
    currency: r.currency as string,
    status: r.status as InvoiceRecord['status'],
    period_start: date(r.period_start),
    period_end: date(r.period_end),
    subtotal: num(r.subtotal),
    discount_amount: num(r.discount_amount),
    discount_description: textOrNull(r.discount_description),
    created_at: date(r.created_at),
    lines: [],
  };
}

export function invoiceLineRow(r: Row): InvoiceLineRecord {
  return {
    kind: r.kind as InvoiceLineRecord['kind'],
    description: r.description as string,
    quantity: num(r.quantity),
    unit_amount: numOrNull(r.unit_amount),
    amount: num(r.amount),
    period_start: dateOrNull(r.period_start),
    period_end: dateOrNull(r.period_end),
    metric: textOrNull(r.metric),
    tiers: json<InvoiceLineTier[] | null>(r.tiers) ?? null,
  };
}

export function checkoutSessionRow(r: Row): CheckoutSessionRecord {
  return {
    id: r.id as string,
    subject: r.subject as string,
    subject_kind: r.subject_kind as CheckoutSessionRecord['subject_kind'],
    price_id: r.price_id as string,
    quantity: r.quantity === undefined || r.quantity === null ? 1 : num(r.quantity),
    promotion_code: textOrNull(r.promotion_code),
    trial_days: numOrNull(r.trial_days),
    success_url: r.success_url as string,
    cancel_url: r.cancel_url as string,
    ui_mode: r.ui_mode as CheckoutSessionRecord['ui_mode'],
    client_secret: r.client_secret as string,
    status: r.status as CheckoutSessionRecord['status'],
    amount_subtotal: num(r.amount_subtotal),
    amount_discount: num(r.amount_discount),
    amount_due_today: num(r.amount_due_today),
    currency: r.currency as string,
    payment_id: textOrNull(r.payment_id),
    paid_at: dateOrNull(r.paid_at),
    fulfilled_at: dateOrNull(r.fulfilled_at),
    activated_at: dateOrNull(r.activated_at),
    subscription_id: textOrNull(r.subscription_id),
    expires_at: date(r.expires_at),
    created_at: date(r.created_at),
  };
}

export function outboxRow(r: Row): OutboxRecord {
  return {
    seq: num(r.seq),
    id: r.id as string,
    kind: r.kind as string,
    subject: textOrNull(r.subject),
    payload: r.payload as string,
    created_at: date(r.created_at),
    attempts: num(r.attempts),
  };
}
