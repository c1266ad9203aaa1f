'use client';
import type { ReactNode } from 'react';
import { cx } from './cx';
import { AlertIcon, InfoIcon } from './icons';

/** The meaning of a notice. */
export type NoticeTone = 'info' | 'warning' | 'danger';

const tones: Record<NoticeTone, string> = {
  info: 'bk:border-billkit-accent-foreground/20 bk:bg-billkit-accent bk:text-billkit-accent-foreground',
  warning: 'bk:border-billkit-warning/30 bk:bg-billkit-warning/10 bk:text-billkit-warning',
  danger: 'bk:border-billkit-danger/30 bk:bg-billkit-danger/10 bk:text-billkit-danger',
};

/** Props of {@link Notice}. */
export interface NoticeProps {
  tone?: NoticeTone;
  children: ReactNode;
  /** An action at the end of the notice (a small button). */
  action?: ReactNode;
  /** `alert` for an error the user just caused (announced at once); otherwise a plain region. */
  role?: 'alert' | 'status';
  className?: string;
}

/** A tinted banner inside a card: a pending cancellation, a failed payment, a failed action. */
export function Notice({ tone = 'info', children, action, role, className }: NoticeProps): ReactNode {
  return (
    <div
      role={role}
      data-billkit-part="notice"
      data-tone={tone}
      className={cx(
        'bk:flex bk:flex-wrap bk:items-start bk:gap-x-3 bk:gap-y-2 bk:rounded-billkit-md bk:border bk:px-3.5 bk:py-3 bk:text-sm',
        tones[tone],
        className,
      )}
    >
      {tone === 'info' ? <InfoIcon className="bk:mt-0.5" /> : <AlertIcon className="bk:mt-0.5" />}
      <div className="bk:min-w-0 bk:flex-1 bk:font-medium">{children}</div>
      {action}
    </div>
  );
}
