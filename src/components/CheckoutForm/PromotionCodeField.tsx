'use client';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { BillingError } from '../../client/BillingError';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import { useLabels } from '../../react/useLabels';
import { defaultCheckoutLabels } from './checkoutLabels';

/** Props of {@link PromotionCodeField}. */
export interface PromotionCodeFieldProps {
  /** The code of the current session, `null` without one. */
  applied: string | null;
  /** Starts a session with the code (`null` removes it); rejects with the server's error. */
  onApply: (code: string | null) => Promise<void>;
  disabled?: boolean;
}

/**
 * The promotion code field: apply makes a new session with the code; a refused code
 * (unknown, expired) shows the server's message under the field and keeps the current
 * price.
 */
export function PromotionCodeField({ applied, onApply, disabled }: PromotionCodeFieldProps): ReactNode {
  const text = useLabels('checkout', defaultCheckoutLabels);
  const id = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<BillingError | null>(null);
  const [pending, setPending] = useState(false);

  const run = async (code: string | null) => {
    setPending(true);
    setError(null);
    try {
      await onApply(code);
      setValue('');
    } catch (e) {
      setError(e as BillingError);
    } finally {
      setPending(false);
    }
  };
  // Not a nested <form>: the field may sit inside the card form's layout.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) void run(value);
  };

  if (applied) {
    return (
      <div data-billkit-part="promotion-code" data-state="applied" className="bk:flex bk:items-center bk:justify-between bk:gap-3 bk:text-sm">
        <span className="bk:text-billkit-foreground">{text.promotionCodeApplied(applied)}</span>
        <Button variant="link" size="sm" disabled={disabled || pending} onClick={() => void run(null)}>
          {text.removePromotionCode}
        </Button>
      </div>
    );
  }

  return (
    <div data-billkit-part="promotion-code" data-state={error ? 'error' : 'idle'} className="bk:flex bk:flex-col bk:gap-1.5">
      <label htmlFor={id} className="bk:text-sm bk:font-medium bk:text-billkit-foreground">
        {text.promotionCode}
      </label>
      <div className="bk:flex bk:gap-2">
        <input
          id={id}
          value={value}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          disabled={disabled || pending}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            setValue(e.target.value.toUpperCase());
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') submit(e);
          }}
          className={cx(
            'bk:h-9 bk:min-w-0 bk:flex-1 bk:rounded-billkit-md bk:border bk:bg-billkit-background bk:px-3 bk:text-sm bk:uppercase',
            'bk:text-billkit-foreground bk:shadow-xs bk:focus-visible:outline-none bk:focus-visible:ring-3',
            error
              ? 'bk:border-billkit-danger bk:focus-visible:ring-billkit-danger/25'
              : 'bk:border-billkit-input bk:focus-visible:border-billkit-ring bk:focus-visible:ring-billkit-ring/25',
          )}
        />
        <Button variant="outline" disabled={disabled || !value.trim()} pending={pending} onClick={submit}>
          {text.applyPromotionCode}
        </Button>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" data-code={error.code} className="bk:m-0 bk:text-[0.8125rem] bk:text-billkit-danger">
          {error.message}
        </p>
      )}
    </div>
  );
}
