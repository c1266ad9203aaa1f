'use client';
import type { ReactNode } from 'react';
import type { BillingError } from '../../client/BillingError';
import { Notice } from '../ui/Notice';

/** A failed payment attempt, announced, with the processor's message and its code in `data-code`. */
export function PaymentError({ error }: { error: BillingError }): ReactNode {
  return (
    <Notice tone="danger" role="alert">
      <span data-billkit-part="payment-error" data-code={error.code}>
        {error.message}
      </span>
    </Notice>
  );
}
