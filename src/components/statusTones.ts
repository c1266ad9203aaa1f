import type { InvoiceStatus, SubscriptionStatus } from '../contract/types';
import type { BadgeTone } from './ui/Badge';

/** The badge tone of each subscription status (`canceling`: active, set to end at period end). */
export const subscriptionStatusTone: Record<SubscriptionStatus | 'canceling', BadgeTone> = {
  active: 'success',
  trialing: 'primary',
  past_due: 'warning',
  canceled: 'neutral',
  paused: 'neutral',
  incomplete: 'warning',
  canceling: 'warning',
};

/** The badge tone of each invoice status. */
export const invoiceStatusTone: Record<InvoiceStatus, BadgeTone> = {
  paid: 'success',
  open: 'primary',
  draft: 'neutral',
  void: 'neutral',
  uncollectible: 'danger',
};
