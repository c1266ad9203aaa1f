import { useId, type ReactNode } from 'react';
import type { BillingLabels } from '../../react/labels';
import type { BillingInterval } from './planPricing';

const option =
  'bk:relative bk:inline-flex bk:h-8 bk:cursor-pointer bk:items-center bk:gap-2 bk:rounded-full bk:px-4 bk:text-sm bk:font-medium bk:transition-colors ' +
  'bk:text-billkit-muted-foreground bk:hover:text-billkit-foreground ' +
  'bk:data-[state=checked]:bg-billkit-card bk:data-[state=checked]:text-billkit-foreground bk:data-[state=checked]:ring-1 bk:data-[state=checked]:ring-billkit-border bk:data-[state=checked]:shadow-[0_1px_3px_0_rgb(16_24_40/0.12)] ' +
  'bk:has-focus-visible:outline-2 bk:has-focus-visible:outline-offset-2 bk:has-focus-visible:outline-billkit-ring';

/**
 * The monthly / yearly switch of `<PricingTable/>`: a segmented control made of native
 * radio buttons (arrow keys, one tab stop and the radio semantics come from the browser,
 * at no bundle cost).
 */
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
  const name = useId();
  const item = (interval: BillingInterval, text: string, extra?: ReactNode) => (
    <label data-billkit-part="interval-option" data-state={value === interval ? 'checked' : 'unchecked'} className={option}>
      <input
        type="radio"
        name={name}
        value={interval}
        checked={value === interval}
        onChange={() => onChange(interval)}
        className="bk:sr-only"
      />
      {text}
      {/* A space for the accessible name ("Yearly Save 20%"); the flex layout ignores it. */}
      {extra && ' '}
      {extra}
    </label>
  );
  return (
    <div
      role="radiogroup"
      aria-label={labels.intervalToggle}
      data-billkit-part="interval-toggle"
      className="bk:inline-flex bk:items-center bk:gap-1 bk:rounded-full bk:border bk:border-billkit-border bk:bg-billkit-muted bk:p-1"
    >
      {item('month', labels.monthly)}
      {item(
        'year',
        labels.yearly,
        savings && (
          <span
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
