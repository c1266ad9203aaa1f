'use client';
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { cx } from '../ui/cx';

/** Props of {@link CardField}. */
export interface CardFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  /** The inline error under the field; marks the input `aria-invalid` and describes it. */
  error?: string | undefined;
  /** The part name for `data-billkit-part` (`card-number`, `card-expiry`, …). */
  part: string;
}

/** One labelled input of the card form, with its inline error. */
export function CardField({ label, error, part, className, ...input }: CardFieldProps): ReactNode {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div data-billkit-part={part} className={cx('bk:flex bk:min-w-0 bk:flex-col bk:gap-1.5', className)}>
      <label htmlFor={id} className="bk:text-sm bk:font-medium bk:text-billkit-foreground">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={cx(
          'bk:h-10 bk:w-full bk:min-w-0 bk:rounded-billkit-md bk:border bk:bg-billkit-background bk:px-3 bk:text-sm',
          'bk:text-billkit-foreground bk:tabular-nums bk:shadow-xs bk:transition-[border-color,box-shadow]',
          'bk:placeholder:text-billkit-muted-foreground/70 bk:focus-visible:outline-none bk:focus-visible:ring-3',
          error
            ? 'bk:border-billkit-danger bk:focus-visible:ring-billkit-danger/25'
            : 'bk:border-billkit-input bk:focus-visible:border-billkit-ring bk:focus-visible:ring-billkit-ring/25',
          'bk:disabled:opacity-60',
        )}
        {...input}
      />
      {error && (
        <p id={errorId} className="bk:text-[0.8125rem] bk:text-billkit-danger">
          {error}
        </p>
      )}
    </div>
  );
}
