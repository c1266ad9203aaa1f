'use client';
import { useId, useState, type ReactNode } from 'react';
import type { PricingTableLabels } from './pricingTableLabels';
import { defaultSeatStepperLabels, type SeatStepperLabels } from './seatStepperLabels';

const step =
  'bk:inline-flex bk:size-10 bk:items-center bk:justify-center bk:text-lg bk:font-medium bk:text-billkit-foreground ' +
  'bk:not-disabled:hover:bg-billkit-muted bk:disabled:opacity-40 bk:focus-visible:outline-2 bk:focus-visible:outline-billkit-ring';

/** Props of {@link SeatStepper}. */
export interface SeatStepperProps {
  /** The chosen count, always inside `min`..`max`. */
  value: number;
  min: number;
  /** `null`: no upper limit. */
  max: number | null;
  /** The price's unit label (`"seat"`). */
  unit: string;
  onChange: (quantity: number) => void;
  /** The card's total for `value`, formatted (`"$60.00"`), and the interval's name (`"month"`). */
  total: string;
  interval: string;
  /** The table's `pricingTable` labels (the provider's overrides of the stepper's strings among them). */
  labels: PricingTableLabels;
}

/**
 * The seat count of a per-unit plan card: − / a number input / +, labelled "Seats". The
 * buttons and ArrowUp / ArrowDown (PageUp / PageDown by ten, Home / End to the bounds)
 * move it within the price's range; a typed count outside it is flagged under the input
 * and clamped when the input loses focus, so the card and its checkout keep a valid count.
 * Under it, the total for the count ("5 seats · $60.00 / month").
 */
export function SeatStepper({ value, min, max, unit, onChange, total, interval, labels: given }: SeatStepperProps): ReactNode {
  const id = useId();
  // The provider's overrides (in the table's labels) win over the opt-in's defaults.
  const labels = { ...defaultSeatStepperLabels };
  for (const key of Object.keys(labels) as (keyof SeatStepperLabels)[]) Object.assign(labels, given[key] && { [key]: given[key] });
  const [draft, setDraft] = useState<string | null>(null);
  const typed = draft === null ? value : Number(draft);
  const invalid = draft !== null && !(Number.isInteger(typed) && typed >= min && (max === null || typed <= max));
  const clamp = (n: number) => Math.min(Math.max(Math.round(n), min), max ?? Infinity);
  const set = (n: number) => {
    setDraft(null);
    onChange(clamp(n));
  };
  return (
    <div data-billkit-part="quantity" className="bk:flex bk:flex-col bk:gap-1.5">
      <label htmlFor={id} className="bk:text-sm bk:font-medium">
        {labels.quantity(unit)}
      </label>
      <div className="bk:inline-flex bk:w-fit bk:overflow-hidden bk:rounded-billkit bk:border bk:border-billkit-input bk:bg-billkit-card">
        <button type="button" aria-label={labels.decrease(unit)} aria-controls={id} disabled={value <= min} onClick={() => set(value - 1)} className={step}>
          −
        </button>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max ?? undefined}
          value={draft ?? String(value)}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(event) => {
            const next = event.target.value;
            const n = Number(next);
            if (next !== '' && Number.isInteger(n) && n >= min && (max === null || n <= max)) {
              setDraft(null);
              onChange(n);
            } else setDraft(next);
          }}
          onBlur={() => draft !== null && set(draft === '' || !Number.isFinite(typed) ? value : typed)}
          onKeyDown={(event) => {
            const moves: Record<string, number> = { ArrowUp: value + 1, ArrowDown: value - 1, PageUp: value + 10, PageDown: value - 10, Home: min };
            if (max !== null) moves.End = max;
            const to = moves[event.key];
            if (to === undefined) return;
            event.preventDefault();
            set(to);
          }}
          className="bk:h-10 bk:w-16 bk:border-x bk:border-billkit-input bk:bg-transparent bk:text-center bk:tabular-nums bk:[appearance:textfield] bk:focus-visible:outline-2 bk:focus-visible:outline-billkit-ring"
        />
        <button type="button" aria-label={labels.increase(unit)} aria-controls={id} disabled={max !== null && value >= max} onClick={() => set(value + 1)} className={step}>
          +
        </button>
      </div>
      {invalid && (
        <p id={`${id}-error`} role="alert" data-billkit-part="quantity-error" className="bk:m-0 bk:text-[0.8125rem] bk:text-billkit-danger">
          {labels.quantityOutOfRange(min, max, unit)}
        </p>
      )}
      <p data-billkit-part="quantity-total" aria-live="polite" className="bk:m-0 bk:text-sm bk:font-medium bk:tabular-nums">
        {labels.unitsTotal(labels.units(value, unit), total, interval)}
      </p>
    </div>
  );
}
