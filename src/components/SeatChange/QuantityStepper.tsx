'use client';
import { useId, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from '../ui/Button';

/** Props of {@link QuantityStepper}. */
export interface QuantityStepperProps {
  value: number;
  min: number;
  /** `null`: no upper limit. */
  max: number | null;
  onChange: (value: number) => void;
  label: string;
  decreaseLabel: string;
  increaseLabel: string;
  /** Read after the label: the allowed range. */
  hint: string;
}

/**
 * A labelled whole-number stepper: − and + buttons around a `spinbutton` text field. The
 * field takes typed digits and the spin button keys (↑ ↓, Page Up / Down by 10, Home, End
 * when there is a maximum); every value is kept within `min`..`max`.
 */
export function QuantityStepper({ value, min, max, onChange, label, decreaseLabel, increaseLabel, hint }: QuantityStepperProps): ReactNode {
  const id = useId();
  const clamp = (next: number) => Math.max(min, max === null ? next : Math.min(max, next));
  const set = (next: number) => onChange(clamp(next));
  const keys: Record<string, () => void> = {
    ArrowUp: () => set(value + 1),
    ArrowDown: () => set(value - 1),
    PageUp: () => set(value + 10),
    PageDown: () => set(value - 10),
    Home: () => set(min),
    ...(max !== null && { End: () => set(max) }),
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = keys[event.key];
    if (!step) return;
    event.preventDefault();
    step();
  };
  return (
    <div data-billkit-part="quantity-stepper" className="bk:flex bk:flex-col bk:gap-1.5">
      <label htmlFor={`${id}-input`} className="bk:text-sm bk:font-medium">
        {label}
      </label>
      <div className="bk:flex bk:items-center bk:gap-2">
        <Button variant="outline" size="sm" aria-label={decreaseLabel} aria-controls={`${id}-input`} disabled={value <= min} onClick={() => set(value - 1)} data-billkit-part="decrease">
          −
        </Button>
        <input
          id={`${id}-input`}
          role="spinbutton"
          inputMode="numeric"
          autoComplete="off"
          aria-valuenow={value}
          aria-valuemin={min}
          aria-valuemax={max ?? undefined}
          aria-describedby={`${id}-hint`}
          value={String(value)}
          onKeyDown={onKeyDown}
          onChange={(event) => {
            const digits = event.target.value.replace(/\D/g, '');
            if (digits) set(Number(digits));
          }}
          className="bk:h-8 bk:w-16 bk:rounded-billkit-sm bk:border bk:border-billkit-input bk:bg-billkit-card bk:text-center bk:text-sm bk:tabular-nums bk:focus-visible:outline-2 bk:focus-visible:outline-offset-2 bk:focus-visible:outline-billkit-ring"
        />
        <Button variant="outline" size="sm" aria-label={increaseLabel} aria-controls={`${id}-input`} disabled={max !== null && value >= max} onClick={() => set(value + 1)} data-billkit-part="increase">
          +
        </Button>
      </div>
      <p id={`${id}-hint`} className="bk:m-0 bk:text-xs bk:text-billkit-muted-foreground">
        {hint}
      </p>
    </div>
  );
}
