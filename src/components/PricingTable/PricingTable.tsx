'use client';
import { useState, type ReactNode } from 'react';
import { formatInterval } from '../../contract/formatInterval';
import { formatMoney } from '../../contract/formatMoney';
import type { Plan, Price } from '../../contract/types';
import { useBillingContext } from '../../react/useBillingContext';
import { useCheckout } from '../../react/useCheckout';
import { usePlans } from '../../react/usePlans';
import { useSubscription } from '../../react/useSubscription';
import { Notice } from '../ui/Notice';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { LayersIcon } from '../ui/icons';
import { Skeleton } from '../ui/Skeleton';
import { cx } from '../ui/cx';
import type { PlanChangeOptIn } from '../PlanChangeDialog/planChange';
import { IntervalToggle } from './IntervalToggle';
import { PlanCard, planSlot } from './PlanCard';
import {
  annualSavingsPercent,
  clampQuantity,
  displayedPrice,
  offersBothIntervals,
  priceFor,
  quantityRange,
  type BillingInterval,
} from './planPricing';
import type { SeatStepperOptIn } from './seatStepperOptIn';
import { useLabels } from '../../react/useLabels';
import { defaultPricingTableLabels } from './pricingTableLabels';
import { defaultCommonLabels } from '../ui/commonLabels';

/** Props of {@link PricingTable}. */
export interface PricingTableProps {
  /**
   * Readable names of feature keys (`{ '5_seats': 'Up to 5 teammates' }`). Keys without
   * a name are derived: `basic_analytics` → "Basic analytics", `api_access` → "API access".
   */
  featureLabels?: Record<string, string>;
  /**
   * Called instead of the hosted checkout redirect when a plan is chosen (open your own
   * `<CheckoutForm/>`, route somewhere). A returned promise keeps the button pending.
   * `quantity` is the units to buy: the seat stepper's count on a per-unit price (its
   * `min_quantity` without `seats`), 1 on flat prices; pass it to `<CheckoutForm quantity/>`.
   */
  onSelect?: (price: Price, plan: Plan, quantity: number) => void | Promise<unknown>;
  /** Where the hosted checkout returns after paying; defaults to this page with `?session_id=…`. */
  successUrl?: string;
  /** Where the hosted checkout returns when the user gives up; defaults to this page. */
  cancelUrl?: string;
  /** The interval selected at first when plans have both; default `month`. */
  defaultInterval?: BillingInterval;
  /**
   * Opt-in (Billkit addition): `planChange` from `billkit`. A subscriber's cards then say
   * "Upgrade", "Downgrade" or "Switch to yearly" and open `<PlanChangeDialog/>` with the
   * proration preview, instead of starting a new checkout. Non-subscribers keep checkout.
   */
  planChange?: PlanChangeOptIn;
  /**
   * Offer the plans' trials by request (Billkit addition): on a plan whose trial is not the
   * default (`trial_by_default: false`, the demo's Starter and Pro), subscribing asks for
   * the price's whole trial (`trial_days: price.trial_period_days`). A plan whose trial is
   * the default starts it anyway. Either way a card shows "14-day free trial" only when
   * the caller may still have one (`plan.trial_eligible`: one trial per subject), so no
   * card offers a trial the checkout would refuse. Default `false`.
   */
  trials?: boolean;
  /**
   * Opt-in (Billkit addition): `seatStepper` from `billkit`. Per-unit plan cards then have a
   * seat stepper (− / count / +, within the price's `min_quantity`..`max_quantity`) and
   * show the total for the count ("5 seats · $60.00 / month"); the checkout buys that many.
   * The count survives switching the interval. Without it a per-unit checkout buys the price's `min_quantity`.
   */
  seats?: SeatStepperOptIn;
  className?: string;
}

/**
 * The trial subscribing to `price` starts for this caller, or `null`: the plan has one,
 * it is the default or `trials` asks for it, and the caller has not had one yet.
 */
function offeredTrialDays(plan: Plan, price: Price, trials: boolean): number | null {
  const days = price.trial_period_days ?? null;
  if (!days || plan.trial_eligible === false) return null;
  return plan.trial_by_default || trials ? days : null;
}

// Cards wrap in centred rows: each grows from 15rem to at most 22rem (see `planSlot`), so
// three or four plans share a row on a desktop, two stay card-sized, and a phone stacks them.
const grid = 'bk:flex bk:flex-wrap bk:justify-center bk:gap-6';

/**
 * The public plans side by side, with a monthly / yearly toggle (when plans have both),
 * the yearly savings, the recommended plan highlighted, the caller's current plan marked
 * and a subscribe button per plan that starts a hosted checkout.
 *
 * @example
 * <PricingTable featureLabels={{ api_access: 'REST & GraphQL API' }} successUrl="/billing?welcome=1" />
 */
export function PricingTable({
  featureLabels,
  onSelect,
  successUrl,
  cancelUrl,
  defaultInterval = 'month',
  planChange,
  trials = false,
  seats,
  className,
}: PricingTableProps): ReactNode {
  const { labels, locale } = useBillingContext();
  const text = useLabels('pricingTable', defaultPricingTableLabels);
  const retry = useLabels('retry', defaultCommonLabels.retry);
  const loading = useLabels('loading', defaultCommonLabels.loading);
  const plans = usePlans();
  const subscription = useSubscription();
  const checkout = useCheckout();
  const [chosenInterval, setInterval] = useState<BillingInterval>(defaultInterval);
  const [selectingPriceId, setSelectingPriceId] = useState<string | null>(null);
  const [changing, setChanging] = useState<[Price, Plan] | null>(null);
  // Per plan, so switching the interval keeps the count (clamped to the shown price's range).
  const [quantities, setQuantities] = useState<Record<string, number>>({});

  const root = (state: 'loading' | 'error' | 'empty' | 'ready', body: ReactNode, interval?: BillingInterval) => (
    <section
      aria-label={text.title}
      aria-busy={state === 'loading' || undefined}
      data-billkit-component="pricing-table"
      data-state={state}
      data-interval={interval}
      className={cx('bk:flex bk:flex-col bk:items-center bk:gap-8', className)}
    >
      {body}
    </section>
  );

  if (plans.isPending) {
    return root(
      'loading',
      <>
        <span role="status" className="bk:sr-only">
          {loading}
        </span>
        <Skeleton className="bk:h-10 bk:w-56 bk:rounded-full" />
        <div className={cx(grid, 'bk:w-full')}>
          {[0, 1, 2].map((key) => (
            <div key={key} className={cx(planSlot, 'bk:flex bk:flex-col bk:gap-5 bk:rounded-billkit-lg bk:border bk:border-billkit-border bk:bg-billkit-card bk:p-6')}>
              <Skeleton className="bk:h-5 bk:w-24" />
              <Skeleton className="bk:h-4 bk:w-44" />
              <Skeleton className="bk:h-9 bk:w-32" />
              <Skeleton className="bk:h-11 bk:w-full" />
              <div className="bk:flex bk:flex-col bk:gap-3 bk:pt-2">
                <Skeleton className="bk:h-4 bk:w-40" />
                <Skeleton className="bk:h-4 bk:w-32" />
                <Skeleton className="bk:h-4 bk:w-36" />
              </div>
            </div>
          ))}
        </div>
      </>,
    );
  }

  if (plans.isError) {
    return root(
      'error',
      <div className="bk:w-full bk:rounded-billkit-lg bk:border bk:border-billkit-border bk:bg-billkit-card">
        <ErrorState
          title={text.error}
          message={plans.error.message}
          retryLabel={retry}
          onRetry={() => void plans.refetch()}
          retrying={plans.isFetching}
        />
      </div>,
    );
  }

  const shown = plans.data.filter((plan) => plan.prices.length > 0);
  if (shown.length === 0) {
    return root(
      'empty',
      <div className="bk:w-full bk:rounded-billkit-lg bk:border bk:border-dashed bk:border-billkit-border bk:bg-billkit-card">
        <EmptyState icon={<LayersIcon width={20} height={20} />} title={text.empty} description={text.emptyDescription} />
      </div>,
    );
  }

  const toggle = offersBothIntervals(shown);
  // Without both intervals there is nothing to toggle: show what the plans have.
  const interval: BillingInterval = toggle ? chosenInterval : shown.some((plan) => priceFor(plan, 'month')) ? 'month' : 'year';
  const savings = shown.map(annualSavingsPercent).filter((percent): percent is number => percent !== undefined);
  const best = savings.length ? Math.max(...savings) : undefined;
  const savingsText =
    best === undefined ? undefined : savings.every((percent) => percent === best) ? text.save(best) : text.saveUpTo(best);

  const current = subscription.data && subscription.data.status !== 'canceled' ? subscription.data : null;
  // A hosted checkout stays "Redirecting…" after it resolves: the browser is leaving the page.
  const redirectingTo = checkout.isPending || checkout.isSuccess ? checkout.variables?.price_id : undefined;
  const busy = redirectingTo !== undefined || selectingPriceId !== null;

  const changer = current && planChange?.enabled(current) ? planChange : undefined;
  const quantityOf = (price: Price, plan: Plan) => clampQuantity(price, quantities[plan.id] ?? quantityRange(price)[0]);
  const select = (price: Price, plan: Plan) => {
    if (changer) return setChanging([price, plan]);
    const quantity = quantityOf(price, plan);
    if (onSelect) {
      const result = onSelect(price, plan, quantity);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        setSelectingPriceId(price.id);
        void (result as Promise<unknown>).finally(() => setSelectingPriceId(null));
      }
      return;
    }
    // A default trial is the proxy's to apply; one by request is asked for.
    const trialDays = plan.trial_by_default ? null : offeredTrialDays(plan, price, trials);
    checkout.mutate({
      price_id: price.id,
      ...(price.model === 'per_unit' && { quantity }),
      ...(trialDays !== null && { trial_days: trialDays }),
      ...(successUrl !== undefined && { success_url: successUrl }),
      ...(cancelUrl !== undefined && { cancel_url: cancelUrl }),
    });
  };

  return root(
    'ready',
    <>
      {toggle && <IntervalToggle value={interval} onChange={setInterval} savings={savingsText} labels={text} />}
      {checkout.isError && (
        <Notice tone="danger" role="alert" className="bk:w-full bk:max-w-xl">
          {text.checkoutFailed} {checkout.error.message}
        </Notice>
      )}
      <div className={cx(grid, 'bk:w-full')} data-billkit-part="plans">
        {shown.map((plan) => {
          const price = displayedPrice(plan, interval)!;
          const pendingHere = selectingPriceId === price.id || redirectingTo === price.id;
          const action = changer ? changer.label(current!, price, plan.id, labels.paymentMethod) : undefined;
          const quantity = quantityOf(price, plan);
          const [min, max] = quantityRange(price);
          const Stepper = seats?.Stepper;
          return (
            <PlanCard
              key={plan.id}
              plan={plan}
              price={price}
              current={current?.plan.id === plan.id}
              action={action}
              trialDays={current || changer ? null : offeredTrialDays(plan, price, trials)}
              pending={pendingHere}
              disabled={busy && !pendingHere}
              onSelect={() => select(price, plan)}
              featureLabels={featureLabels}
              labels={text}
              intervals={labels.intervals}
              locale={locale}
              stepper={
                // The current plan's seats change on the subscription (the seat change opt-in), not here.
                Stepper &&
                price.model === 'per_unit' &&
                current?.plan.id !== plan.id && (
                  <Stepper
                    value={quantity}
                    min={min}
                    max={max}
                    unit={price.unit_label || 'unit'}
                    onChange={(next) => setQuantities((all) => ({ ...all, [plan.id]: next }))}
                    total={formatMoney(price.amount * quantity, price.currency, locale)}
                    interval={formatInterval(price.interval, locale, labels.intervals)}
                    labels={text}
                  />
                )
              }
            />
          );
        })}
      </div>
      {changer && changing && (
        <changer.Dialog price={changing[0]} plan={changing[1]} open onOpenChange={(open) => open || setChanging(null)} />
      )}
    </>,
    interval,
  );
}
