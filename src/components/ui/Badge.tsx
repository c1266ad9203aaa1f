'use client';
import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from './cx';

/** The meaning a badge's colour carries. */
export type BadgeTone = 'neutral' | 'primary' | 'success' | 'warning' | 'danger';

const tones: Record<BadgeTone, string> = {
  neutral: 'bk:bg-billkit-muted bk:text-billkit-muted-foreground bk:ring-billkit-border',
  primary: 'bk:bg-billkit-accent bk:text-billkit-accent-foreground bk:ring-billkit-accent-foreground/20',
  success: 'bk:bg-billkit-success/10 bk:text-billkit-success bk:ring-billkit-success/25',
  warning: 'bk:bg-billkit-warning/10 bk:text-billkit-warning bk:ring-billkit-warning/25',
  danger: 'bk:bg-billkit-danger/10 bk:text-billkit-danger bk:ring-billkit-danger/25',
};

/** Props of {@link Badge}. */
export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
  /** Shows a small dot in the tone's colour before the text (status badges). */
  dot?: boolean;
}

/**
 * A small pill for a status or a tag. `data-tone` names its tone for overrides.
 *
 * @example
 * <Badge tone="success" dot>Active</Badge>
 */
export function Badge({ tone = 'neutral', dot = false, className, children, ...rest }: BadgeProps): ReactNode {
  return (
    <span
      data-billkit-badge=""
      data-tone={tone}
      className={cx(
        'bk:inline-flex bk:items-center bk:gap-1.5 bk:whitespace-nowrap bk:rounded-full bk:px-2 bk:py-0.5',
        'bk:text-xs bk:font-medium bk:leading-4 bk:ring-1 bk:ring-inset',
        tones[tone],
        className,
      )}
      {...rest}
    >
      {dot && <span aria-hidden="true" className="bk:size-1.5 bk:rounded-full bk:bg-current" />}
      {children}
    </span>
  );
}
