'use client';
import type { ReactNode } from 'react';
import { CheckIcon } from '../ui/icons';

/** The success state of a checkout: a check mark, a title and one line. */
export function CheckoutSucceeded({ title, description, children }: { title: string; description: string; children?: ReactNode }): ReactNode {
  return (
    <div role="status" data-billkit-part="succeeded" className="bk:flex bk:flex-col bk:items-center bk:gap-3 bk:py-6 bk:text-center">
      <span className="bk:flex bk:size-11 bk:items-center bk:justify-center bk:rounded-full bk:bg-billkit-success/12 bk:text-billkit-success">
        <CheckIcon width={22} height={22} strokeWidth={2} />
      </span>
      <h3 className="bk:m-0 bk:text-lg bk:font-semibold bk:text-billkit-card-foreground">{title}</h3>
      <p className="bk:m-0 bk:text-sm bk:text-billkit-muted-foreground">{description}</p>
      {children}
    </div>
  );
}
