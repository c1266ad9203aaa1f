'use client';
import type { ReactNode } from 'react';
import { cx } from './cx';

/** A small spinning ring in the current text colour; decorative (pair it with visible text). */
export function Spinner({ className }: { className?: string }): ReactNode {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      fill="none"
      className={cx('bk:size-4 bk:animate-[billkit-spin_0.7s_linear_infinite]', className)}
    >
      <circle cx="8" cy="8" r="6.5" stroke="currentColor" strokeOpacity="0.25" strokeWidth="2" />
      <path d="M14.5 8A6.5 6.5 0 0 0 8 1.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
