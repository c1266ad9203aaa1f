import type { Invoice, InvoiceLine, Subscription } from '../../contract/types';
import type { InvoiceLineRecord, InvoiceRecord, SubscriptionDetail } from '../store/records';
import { iso } from './time';

/** Where an invoice's PDF is served (relative to the proxy's origin). */
const invoicePdfPath = (id: string) => `/api/proxy/billing/invoices/${encodeURIComponent(id)}/pdf`;

/** A subscription as `GET /subscription` documents it. */
export function toWireSubscription(sub: SubscriptionDetail): Subscription {
  return {
    id: sub.id,
    plan: { id: sub.plan.id, name: sub.plan.name },
    price: {
      id: sub.price.id,
      amount: sub.price.amount,
      interval: sub.price.interval,
      currency: sub.price.currency,
      // Flat prices answer exactly as documented; a per-unit price adds its model and bounds.
      ...(sub.price.model === 'per_unit' && {
        model: sub.price.model,
        unit_label: sub.price.unit_label ?? null,
        min_quantity: sub.price.min_quantity ?? null,
        max_quantity: sub.price.max_quantity ?? null,
      }),
    },
    status: sub.status,
    current_period_start: iso(sub.current_period_start),
    current_period_end: iso(sub.current_period_end),
    cancel_at_period_end: sub.cancel_at_period_end,
    trial_end: sub.trial_end ? iso(sub.trial_end) : null,
    canceled_at: sub.canceled_at ? iso(sub.canceled_at) : null,
    ended_at: sub.ended_at ? iso(sub.ended_at) : null,
    pending_change: sub.pending
      ? {
          price: { id: sub.pending.price.id, amount: sub.pending.price.amount, interval: sub.pending.price.interval, currency: sub.pending.price.currency },
          plan: { id: sub.pending.plan.id, name: sub.pending.plan.name },
          effective_at: iso(sub.current_period_end),
          quantity: sub.pending_quantity ?? 1,
        }
      : null,
    quantity: sub.quantity,
  };
}

/** An invoice line on the wire. */
function toWireLine(l: InvoiceLineRecord): InvoiceLine {
  return {
    kind: l.kind,
    description: l.description,
    quantity: l.quantity,
    unit_amount: l.unit_amount,
    amount: l.amount,
    period_start: l.period_start ? iso(l.period_start) : null,
    period_end: l.period_end ? iso(l.period_end) : null,
    metric: l.metric,
    tiers: l.tiers,
  };
}

/** An invoice as `GET /invoices` documents it, plus its `subscription` (id or null) and its `lines`. */
export function toWireInvoice(inv: InvoiceRecord): Invoice & { subscription: string | null; lines: InvoiceLine[] } {
  return {
    id: inv.id,
    amount_due: inv.amount_due,
    amount_paid: inv.amount_paid,
    currency: inv.currency,
    status: inv.status,
    period_start: iso(inv.period_start),
    period_end: iso(inv.period_end),
    created_at: iso(inv.created_at),
    pdf_url: invoicePdfPath(inv.id),
    subscription: inv.subscription_id,
    lines: inv.lines.map(toWireLine),
  };
}
