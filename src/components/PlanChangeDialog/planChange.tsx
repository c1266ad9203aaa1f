'use client';
import type { ComponentType } from 'react';
import { PlanChangeDialog, type PlanChangeDialogProps } from './PlanChangeDialog';
import { planChangeAction, type PlanChangeAction } from './planChangeAction';
import { defaultPaymentMethodLabels, type PaymentMethodLabels } from '../PaymentMethodForm/paymentMethodLabels';
import { canChangePlan } from '../../contract/subscriptionRules';
import type { Price, Subscription } from '../../contract/types';

/**
 * The opt-in that turns `<PricingTable/>` into a plan changer for subscribers: pass it as
 * `<PricingTable planChange={planChange}/>`. It is a value the app imports, not something
 * the table imports, so an app without plan changes pays nothing for the dialog.
 */
export interface PlanChangeOptIn {
  /** The dialog the table opens when a subscriber picks another price. */
  Dialog: ComponentType<PlanChangeDialogProps>;
  /**
   * Whether the subscription can change plan (the proxy's own rule, `canChangePlan`:
   * `active` or `trialing`, not pending cancellation); when not, the table keeps checkout.
   */
  enabled: (subscription: Subscription) => boolean;
  /**
   * The plan card's button text for a subscriber, `null` for the current price (the table
   * then says "Current plan"). `overrides` are the provider's `labels.paymentMethod`, which
   * the table passes so the buttons follow the same labels as the dialog.
   */
  label: (subscription: Subscription, price: Price, planId: string, overrides?: Partial<PaymentMethodLabels>) => string | null;
}

const LABEL_OF: Record<Exclude<PlanChangeAction, 'current'>, keyof typeof defaultPaymentMethodLabels> = {
  upgrade: 'upgrade',
  downgrade: 'downgrade',
  switch_to_yearly: 'switchToYearly',
  switch_to_monthly: 'switchToMonthly',
};

/** Makes a {@link PlanChangeOptIn} with some labels overridden (`planChangeWith({ upgrade: 'Go bigger' })`). */
export function planChangeWith(labels: Partial<typeof defaultPaymentMethodLabels> = {}): PlanChangeOptIn {
  return {
    Dialog: (props) => <PlanChangeDialog {...props} labels={{ ...labels, ...props.labels }} />,
    enabled: canChangePlan,
    label: (subscription, price, planId, overrides) => {
      const action = planChangeAction(subscription, price, planId);
      if (action === 'current') return null;
      const key = LABEL_OF[action];
      return (labels[key] ?? overrides?.[key] ?? defaultPaymentMethodLabels[key]) as string;
    },
  };
}

/** The default {@link PlanChangeOptIn}: `<PricingTable planChange={planChange}/>`. */
export const planChange: PlanChangeOptIn = /* @__PURE__ */ planChangeWith();
