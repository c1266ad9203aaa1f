'use client';
import type { ReactNode } from 'react';
import { cx } from './cx';

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  title: string;
  description?: ReactNode;
  /** A 20px icon shown in a soft circle above the title. */
  icon?: ReactNode;
  /** An action under the text (a button or a link). */
  action?: ReactNode;
  className?: string;
}

/**
 * "Nothing here yet": an icon, a title, a line of explanation and an optional action,
 * so an empty list never renders as a blank box.
 */
export function EmptyState({ title, description, icon, action, className }: EmptyStateProps): ReactNode {
  return (
    <div
      data-billkit-part="empty"
      className={cx('bk:flex bk:flex-col bk:items-center bk:gap-3 bk:px-6 bk:py-10 bk:text-center', className)}
    >
      {icon && (
        <span className="bk:flex bk:size-10 bk:items-center bk:justify-center bk:rounded-full bk:bg-billkit-muted bk:text-billkit-muted-foreground">
          {icon}
        </span>
      )}
      <div className="bk:flex bk:flex-col bk:gap-1">
        <p className="bk:text-sm bk:font-semibold">{title}</p>
        {description && <p className="bk:max-w-sm bk:text-sm bk:text-billkit-muted-foreground">{description}</p>}
      </div>
      {action}
    </div>
  );
}
