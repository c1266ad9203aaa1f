'use client';
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { cx } from './cx';
import { Spinner } from './Spinner';

/** The look of a button: `primary` for the one main action, `danger` for destructive ones. */
export type ButtonVariant = 'primary' | 'secondary' | 'outline' | 'ghost' | 'danger' | 'link';
/** The size of a button. */
export type ButtonSize = 'sm' | 'md' | 'lg';

const base =
  'bk:inline-flex bk:items-center bk:justify-center bk:gap-2 bk:whitespace-nowrap bk:font-medium bk:select-none ' +
  'bk:transition-[color,background-color,border-color,box-shadow,opacity] bk:duration-150 ' +
  'bk:focus-visible:outline-2 bk:focus-visible:outline-offset-2 bk:focus-visible:outline-billkit-ring ' +
  'bk:disabled:opacity-60 bk:aria-disabled:opacity-60';

// Variants are declared once here (cva-style); links styled as buttons reuse them via buttonClasses().
const variants: Record<ButtonVariant, string> = {
  primary:
    'bk:bg-billkit-primary bk:text-billkit-primary-foreground bk:shadow-sm bk:not-disabled:hover:bg-billkit-primary/90',
  secondary:
    'bk:bg-billkit-muted bk:text-billkit-foreground bk:not-disabled:hover:bg-billkit-border/70',
  outline:
    'bk:border bk:border-billkit-input bk:bg-billkit-card bk:text-billkit-foreground bk:shadow-xs bk:not-disabled:hover:bg-billkit-muted',
  ghost: 'bk:text-billkit-foreground bk:not-disabled:hover:bg-billkit-muted',
  danger:
    'bk:bg-billkit-danger bk:text-billkit-danger-foreground bk:shadow-sm bk:not-disabled:hover:bg-billkit-danger/90',
  link: 'bk:text-billkit-accent-foreground bk:underline-offset-4 bk:hover:underline bk:px-0! bk:h-auto!',
};

const sizes: Record<ButtonSize, string> = {
  sm: 'bk:h-8 bk:rounded-billkit-sm bk:px-3 bk:text-[0.8125rem]',
  md: 'bk:h-9 bk:rounded-billkit-md bk:px-4 bk:text-sm',
  lg: 'bk:h-11 bk:rounded-billkit-md bk:px-5 bk:text-[0.9375rem]',
};

/**
 * The classes of a button of the given look, for elements that are not a `<button>`
 * (an `<a href>` that should look like one).
 */
export function buttonClasses(
  options: { variant?: ButtonVariant; size?: ButtonSize; fullWidth?: boolean } = {},
  className?: string,
): string {
  const { variant = 'primary', size = 'md', fullWidth = false } = options;
  return cx(base, variants[variant], sizes[size], fullWidth && 'bk:w-full', className);
}

/** Props of {@link Button}. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Stretches the button to its container's width. */
  fullWidth?: boolean;
  /** Shows a spinner before the label and disables the button (`aria-busy` while pending). */
  pending?: boolean;
}

/**
 * Billkit's button, on the tokens. `type="button"` unless told otherwise, so it never
 * submits a surrounding form of the host app by accident.
 *
 * @example
 * <Button variant="danger" pending={mutation.isPending} onClick={confirm}>Cancel subscription</Button>
 */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant, size, fullWidth, pending = false, disabled, className, children, type = 'button', ...rest },
  ref,
): ReactNode {
  return (
    <button
      ref={ref}
      type={type}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      data-billkit-button=""
      data-variant={variant ?? 'primary'}
      className={buttonClasses({ variant, size, fullWidth }, className)}
      {...rest}
    >
      {pending && <Spinner />}
      {children}
    </button>
  );
});
