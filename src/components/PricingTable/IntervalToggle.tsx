import type { ReactNode } from 'react';
import { ToggleGroup } from 'radix-ui';
import type { BillingLabels } from '../../react/labels';
import type { BillingInterval } from './planPricing';

const item =
  'bk:inline-flex bk:h-8 bk:items-center bk:gap-2 bk:rounded-full bk:px-4 bk:text-sm bk:font-medium bk:transition-colors ' +
  'bk:text-billkit-muted-foreground bk:hover:text-billkit-foreground ' +
  'bk:data-[state=on]:bg-billkit-card bk:data-[state=on]:text-billkit-foreground bk:data-[state=on]:shadow-[0_1px_3px_0_rgb(16_24_40/0.12)] ' +
  'bk:focus-visible:outline-2 bk:focus-visible:outline-offset-2 bk:focus-visible:outline-billkit-ring';

/** The monthly / yearly switch of `<PricingTable/>` (a Radix single-choice toggle group). */
export function IntervalToggle({
  value,
  onChange,
  savings,
  labels,
}: {
  value: BillingInterval;
  onChange: (interval: BillingInterval) => void;
  /** The savings text on the yearly choice ("Save 20%"), if any. */
  savings: string | undefined;
  labels: BillingLabels['pricingTable'];
}): ReactNode {
  return (
    <ToggleGroup.Root
      type="single"
      value={value}
      // Radix reports '' when the pressed item is pressed again; an interval is always chosen.
      onValueChange={(next) => next && onChange(next as BillingInterval)}
      aria-label={labels.intervalToggle}
      data-billkit-part="interval-toggle"
      className="bk:inline-flex bk:items-center bk:gap-1 bk:rounded-full bk:border bk:border-billkit-border bk:bg-billkit-muted bk:p-1"
    >
      <ToggleGroup.Item value="month" className={item}>
        {labels.monthly}
      </ToggleGroup.Item>
      <ToggleGroup.Item value="year" className={item}>
        {labels.yearly}
        {savings && (
          <span
            data-billkit-part="savings"
            className="bk:rounded-full bk:bg-billkit-success bk:px-2 bk:py-0.5 bk:text-[0.6875rem] bk:font-semibold bk:leading-4 bk:text-billkit-success-foreground"
          >
            {savings}
          </span>
        )}
      </ToggleGroup.Item>
    </ToggleGroup.Root>
  );
}
