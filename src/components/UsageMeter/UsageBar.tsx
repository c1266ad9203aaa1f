'use client';
import type { ReactNode } from 'react';
import { cx } from '../ui/cx';

/** The colour of the bar, by what the usage means: `danger` only where the price stops usage (or no price bills it). */
export type UsageTone = 'primary' | 'warning' | 'danger';

// Per tone: the included (or only) part, the part billed beyond it, the projection ahead.
const fills: Record<UsageTone, readonly [string, string, string]> = {
  primary: ['bk:bg-billkit-primary', 'bk:bg-billkit-primary/55', 'bk:bg-billkit-primary/20'],
  warning: ['bk:bg-billkit-warning', 'bk:bg-billkit-warning/55', 'bk:bg-billkit-warning/20'],
  danger: ['bk:bg-billkit-danger', 'bk:bg-billkit-danger/55', 'bk:bg-billkit-danger/20'],
};

/** Shares of the bar's scale, each in 0..1, laid end to end: included use, billed use, projection. */
export interface UsageBarParts {
  included: number;
  billable: number;
  projected: number;
  /** Where the included units end, when that falls inside the bar. */
  mark: number | null;
}

const part = (share: number, className: string, name: string) =>
  share > 0 && (
    <div
      data-billkit-part={name}
      className={cx('bk:h-full bk:transition-[width] bk:duration-500', className)}
      style={{ width: `${share * 100}%` }}
    />
  );

/**
 * The meter's bar: a two-tone fill (included units, then billed ones), the projection to
 * the period end as a faint continuation, and a tick where the included units end.
 * `meter` gives the track its `role="meter"` attributes; without it the bar is decoration
 * (the texts beside it say everything).
 */
export function UsageBar({ parts, tone, meter }: { parts: UsageBarParts; tone: UsageTone; meter?: Record<string, string | number> | undefined }): ReactNode {
  const [solid, soft, ghost] = fills[tone];
  return (
    <div className="bk:relative">
      <div
        {...(meter ?? { 'aria-hidden': true })}
        data-billkit-part="track"
        className="bk:flex bk:h-2 bk:w-full bk:overflow-hidden bk:rounded-full bk:bg-billkit-muted"
      >
        {/* The included part keeps the name it always had, so `fill` is still the used part of a plain limit. */}
        {part(parts.included, solid, 'fill')}
        {part(parts.billable, soft, 'fill-billable')}
        {part(parts.projected, ghost, 'fill-projected')}
      </div>
      {parts.mark !== null && (
        <span
          aria-hidden="true"
          data-billkit-part="included-mark"
          className="bk:absolute bk:-top-1 bk:-bottom-1 bk:w-0.5 bk:-translate-x-1/2 bk:rounded-full bk:bg-billkit-foreground/70"
          style={{ left: `${parts.mark * 100}%` }}
        />
      )}
    </div>
  );
}
