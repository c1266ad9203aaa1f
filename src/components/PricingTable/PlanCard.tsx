'use client';
import { useId, type ReactNode } from 'react';
import type { Plan, Price } from '../../contract/types';
import { formatInterval, type IntervalLabels } from '../../contract/formatInterval';
import { formatMoney } from '../../contract/formatMoney';
import { humanizeKey } from '../humanizeKey';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import { CheckIcon } from '../ui/icons';
import type { PricingTableLabels } from './pricingTableLabels';
import { usageText } from './usageText';

/** A plan's place in the table's row (the card and its loading placeholder). */
export const planSlot = 'bk:min-w-0 bk:flex-[1_1_15rem] bk:max-w-[22rem]';

/** One plan of `<PricingTable/>`: name, price for the chosen interval, features, subscribe button. */
export function PlanCard({
  plan,
  price,
  current,
  action,
  trialDays,
  pending,
  disabled,
  onSelect,
  featureLabels,
  labels: text,
  intervals,
  locale,
  stepper,
}: {
  plan: Plan;
  price: Price;
  current: boolean;
  /** A subscriber's action on this price (`<PricingTable planChange/>`): its text; `null` for the current price. */
  action?: string | null | undefined;
  /** The trial subscribing starts (shown under the price), or `null`. */
  trialDays: number | null;
  pending: boolean;
  disabled: boolean;
  onSelect: () => void;
  featureLabels: Record<string, string> | undefined;
  labels: PricingTableLabels;
  /** The provider's interval names, if it gives any. */
  intervals: IntervalLabels | undefined;
  locale: string;
  /** The seat stepper of a per-unit price (`<PricingTable seats/>`), with the total. */
  stepper?: ReactNode;
}): ReactNode {
  const titleId = useId();
  const interval = formatInterval(price.interval, locale, intervals);
  const yearly = price.interval === 'year';
  const unit = price.model === 'per_unit' ? price.unit_label || 'unit' : null;
  const usage = usageText(price, text, locale, featureLabels);
  return (
    <article
      aria-labelledby={titleId}
      data-billkit-part="plan"
      data-plan-id={plan.id}
      data-interval={price.interval ?? 'one_time'}
      data-recommended={plan.recommended ? '' : undefined}
      data-current={current ? '' : undefined}
      className={cx(
        planSlot,
        'bk:relative bk:flex bk:flex-col bk:gap-6 bk:rounded-billkit-lg bk:border bk:bg-billkit-card bk:p-6 bk:text-billkit-card-foreground',
        plan.recommended
          ? 'bk:border-billkit-primary bk:shadow-[0_0_0_1px_var(--billkit-primary),0_12px_32px_-12px_rgb(16_24_40/0.18)]'
          : 'bk:border-billkit-border bk:shadow-[0_1px_2px_0_rgb(16_24_40/0.04),0_1px_3px_0_rgb(16_24_40/0.06)]',
      )}
    >
      <div className="bk:flex bk:flex-col bk:gap-2">
        <div className="bk:flex bk:min-h-6 bk:flex-wrap bk:items-center bk:justify-between bk:gap-2">
          <h3 id={titleId} className="bk:text-base bk:font-semibold bk:leading-6">
            {plan.name}
          </h3>
          <div className="bk:flex bk:gap-1.5">
            {current && (
              <Badge tone="success" dot data-billkit-part="current-badge">
                {text.currentPlan}
              </Badge>
            )}
            {plan.recommended && !current && (
              <Badge
                tone="primary"
                data-billkit-part="recommended-badge"
                className="bk:bg-billkit-primary! bk:text-billkit-primary-foreground! bk:ring-0!"
              >
                {text.recommended}
              </Badge>
            )}
          </div>
        </div>
        {plan.description && <p className="bk:text-sm bk:text-billkit-muted-foreground">{plan.description}</p>}
      </div>

      <div data-billkit-part="price" className="bk:flex bk:flex-col bk:gap-1">
        <p className="bk:flex bk:flex-wrap bk:items-baseline bk:gap-x-1.5">
          <span className="bk:text-4xl bk:font-semibold bk:tracking-[-0.03em] bk:tabular-nums">
            {formatMoney(price.amount, price.currency, locale)}
          </span>
          {price.interval && (
            <span className="bk:text-sm bk:text-billkit-muted-foreground">
              {unit ? text.perUnitInterval(unit, interval) : text.perInterval(interval)}
            </span>
          )}
        </p>
        <p className="bk:min-h-5 bk:text-[0.8125rem] bk:text-billkit-muted-foreground">
          {yearly && text.billedYearly(formatMoney(Math.round(price.amount / 12), price.currency, locale))}
        </p>
        {trialDays !== null && (
          <p data-billkit-part="trial" className="bk:text-[0.8125rem] bk:font-medium bk:text-billkit-success">
            {text.trial(trialDays)}
          </p>
        )}
        {usage.length > 0 && (
          <ul aria-label={text.usageList(plan.name)} data-billkit-part="usage" className="bk:flex bk:flex-col bk:gap-1 bk:text-[0.8125rem] bk:text-billkit-muted-foreground">
            {usage.map(({ metric, sentence }) => (
              <li key={metric} data-metric={metric}>
                {sentence}
              </li>
            ))}
          </ul>
        )}
      </div>

      {unit && stepper}

      <Button
        variant={plan.recommended && !current ? 'primary' : 'outline'}
        size="lg"
        fullWidth
        pending={pending}
        disabled={(action === undefined ? current : action === null) || disabled}
        onClick={onSelect}
        data-billkit-part={action ? 'change' : 'subscribe'}
      >
        {action ?? (current || action === null ? text.currentPlan : pending ? text.redirecting : text.subscribe(plan.name))}
      </Button>

      {plan.features.length > 0 && (
        <ul
          aria-label={text.features(plan.name)}
          data-billkit-part="features"
          className="bk:flex bk:flex-col bk:gap-2.5 bk:border-t bk:border-billkit-border bk:pt-6 bk:text-sm"
        >
          {plan.features.map((feature) => (
            <li key={feature} data-feature={feature} className="bk:flex bk:items-start bk:gap-2.5">
              <span className="bk:mt-0.5 bk:flex bk:size-4 bk:items-center bk:justify-center bk:rounded-full bk:bg-billkit-accent bk:text-billkit-accent-foreground">
                <CheckIcon width={12} height={12} strokeWidth={2} />
              </span>
              <span>{featureLabels?.[feature] ?? humanizeKey(feature)}</span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
