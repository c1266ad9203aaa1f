'use client';
import type { ReactNode } from 'react';
import { Button } from './Button';
import { cx } from './cx';
import { AlertIcon } from './icons';

/** Props of {@link ErrorState}. */
export interface ErrorStateProps {
  /** A short headline ("We couldn't load your invoices."). */
  title: string;
  /** The error's own message (the proxy's `message`), shown under the title. */
  message?: string;
  /** The retry button's text; no button without `onRetry`. */
  retryLabel?: string;
  onRetry?: () => void;
  /** Shows the retry button as pending (a retry is in flight). */
  retrying?: boolean;
  className?: string;
}

/**
 * A failed load, announced (`role="alert"`), with a retry button.
 *
 * @example
 * <ErrorState title="We couldn't load the plans." message={error.message} retryLabel="Try again" onRetry={refetch} />
 */
export function ErrorState({ title, message, retryLabel, onRetry, retrying = false, className }: ErrorStateProps): ReactNode {
  return (
    <div
      role="alert"
      data-billkit-part="error"
      className={cx('bk:flex bk:flex-col bk:items-center bk:gap-3 bk:px-6 bk:py-10 bk:text-center', className)}
    >
      <span className="bk:flex bk:size-10 bk:items-center bk:justify-center bk:rounded-full bk:bg-billkit-danger/10 bk:text-billkit-danger">
        <AlertIcon width={20} height={20} />
      </span>
      <div className="bk:flex bk:flex-col bk:gap-1">
        <p className="bk:text-sm bk:font-semibold">{title}</p>
        {message && <p className="bk:max-w-sm bk:text-sm bk:text-billkit-muted-foreground">{message}</p>}
      </div>
      {onRetry && retryLabel && (
        <Button variant="outline" size="sm" onClick={onRetry} pending={retrying}>
          {retryLabel}
        </Button>
      )}
    </div>
  );
}
