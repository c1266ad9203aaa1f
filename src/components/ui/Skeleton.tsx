'use client';
import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from './cx';

/**
 * A pulsing placeholder block; size it with classes (`bk:h-4 bk:w-24`). Hidden from
 * assistive technology: the component around it announces loading once (`aria-busy`).
 */
export function Skeleton({ className, ...rest }: HTMLAttributes<HTMLDivElement>): ReactNode {
  return (
    <div
      aria-hidden="true"
      data-billkit-part="skeleton"
      className={cx(
        'bk:rounded-billkit-sm bk:bg-billkit-muted bk:animate-[billkit-pulse_1.6s_ease-in-out_infinite]',
        className,
      )}
      {...rest}
    />
  );
}
