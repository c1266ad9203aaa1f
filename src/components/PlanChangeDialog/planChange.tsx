'use client';
import type { ComponentType } from 'react';
import { PlanChangeDialog, type PlanChangeDialogProps } from './PlanChangeDialog';
import { planChangeAction, type PlanChangeAction } from './planChangeAction';
import { defaultPaymentMethodLabels } from '../PaymentMethodForm/paymentMethodLabels';
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
  /** The plan card's button text for a subscriber, `null` for the current price (the table then says "Current plan"). */
  label: (subscription: Subscription, price: Price, planId: string) => string | null;
}

const LABEL_OF: Record<Exclude<PlanChangeAction, 'current'>, keyof typeof defaultPaymentMethodLabels> = {
  upgrade: 'upgrade',
  downgrade: 'downgrade',
  switch_to_yearly: 'switchToYearly',
  switch_to_monthly: 'switchToMonthly',
};

/** Makes a {@link PlanChangeOptIn} with some labels overridden (`planChangeWith({ upgrade: 'Go bigger' })`). */
export function planChangeWith(labels: Partial<typeof defaultPaymentMethodLabels> = {}): PlanChangeOptIn {
  const text = { ...defaultPaymentMethodLabels, ...labels };
  return {
    Dialog: (props) => <PlanChangeDialog {...props} labels={{ ...labels, ...props.labels }} />,
    enabled: canChangePlan,
    label: (subscription, price, planId) => {
      const action = planChangeAction(subscription, price, planId);
      return action === 'current' ? null : (text[LABEL_OF[action]] as string);
    },
  };
}

/** The default {@link PlanChangeOptIn}: `<PricingTable planChange={planChange}/>`. */
export const planChange: PlanChangeOptIn = /* @__PURE__ */ planChangeWith();
