'use client';
import { useId, type ReactNode } from 'react';
import type { PricingTableLabels } from './pricingTableLabels';
import type { BillingInterval } from './planPricing';

const side =
  'bk:inline-flex bk:items-center bk:gap-2 bk:cursor-pointer bk:select-none bk:text-sm bk:font-medium bk:transition-colors ' +
  'bk:text-billkit-muted-foreground bk:hover:text-billkit-foreground bk:data-[state=checked]:text-billkit-foreground';

const track =
  'bk:relative bk:inline-flex bk:h-6 bk:w-11 bk:shrink-0 bk:cursor-pointer bk:items-center bk:rounded-full bk:p-0.5 bk:transition-colors ' +
  'bk:bg-billkit-muted-foreground bk:shadow-[inset_0_1px_2px_0_rgb(16_24_40/0.12)] bk:data-[state=checked]:bg-billkit-primary ' +
  'bk:focus-visible:outline-2 bk:focus-visible:outline-offset-2 bk:focus-visible:outline-billkit-ring';

const thumb =
  'bk:pointer-events-none bk:block bk:size-5 bk:rounded-full bk:bg-white bk:shadow-[0_1px_3px_0_rgb(16_24_40/0.3)] ' +
  'bk:transition-transform bk:duration-200 bk:ease-out bk:data-[state=checked]:translate-x-5 bk:motion-reduce:transition-none';

/**
 * The monthly / yearly switch of `<PricingTable/>`: "Monthly ⟷ Yearly" around a native
 * `<button role="switch">` (on = billed yearly; a button already toggles on Space and Enter,
 * so Radix's Switch would only add weight), with the savings badge after "Yearly". The switch is the one
 * keyboard control (Tab, then Space or Enter); the side labels are pointer shortcuts that
 * select their own interval (a `<label for>` would toggle, so clicking "Yearly" twice would
 * go back to monthly).
 */
export function IntervalToggle({
  value,
  onChange,
  savings,
  labels,
}: {
  value: BillingInterval;
  onChange: (interval: BillingInterval) => void;
  /** The savings text next to "Yearly" ("Save 20%"), if any. */
  savings: string | undefined;
  labels: PricingTableLabels;
}): ReactNode {
  const savingsId = useId();
  const item = (interval: BillingInterval, text: string, extra?: ReactNode) => (
    <span
      data-billkit-part="interval-option"
      data-interval={interval}
      data-state={value === interval ? 'checked' : 'unchecked'}
      onClick={() => onChange(interval)}
      className={side}
    >
      {text}
      {extra}
    </span>
  );
  return (
    <div
      role="group"
      aria-label={labels.intervalToggle}
      data-billkit-part="interval-toggle"
      className="bk:inline-flex bk:items-center bk:gap-3"
    >
      {item('month', labels.monthly)}
      <button
        type="button"
        role="switch"
        aria-checked={value === 'year'}
        data-state={value === 'year' ? 'checked' : 'unchecked'}
        onClick={() => onChange(value === 'year' ? 'month' : 'year')}
        aria-label={labels.yearlyBilling}
        aria-describedby={savings ? savingsId : undefined}
        data-billkit-part="interval-switch"
        className={track}
      >
        <span data-state={value === 'year' ? 'checked' : 'unchecked'} className={thumb} />
      </button>
      {item(
        'year',
        labels.yearly,
        savings && (
          <span
            id={savingsId}
            data-billkit-part="savings"
            className="bk:rounded-full bk:bg-billkit-success bk:px-2 bk:py-0.5 bk:text-[0.6875rem] bk:font-semibold bk:leading-4 bk:text-billkit-success-foreground"
          >
            {savings}
          </span>
        ),
      )}
    </div>
  );
}
