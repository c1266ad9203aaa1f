'use client';
import type { ReactNode } from 'react';
import type { PlanChangePreview } from '../../contract/types';
import { formatMoney } from '../../contract/formatMoney';
import type { PaymentMethodLabels } from '../PaymentMethodForm/paymentMethodLabels';

/** The preview's lines (credit of the unused time, charge of the remaining time) and the total due today. */
export function PreviewLines({ preview, text, locale }: { preview: PlanChangePreview; text: PaymentMethodLabels; locale: string }): ReactNode {
  const money = (amount: number) => formatMoney(amount, preview.currency, locale);
  return (
    <dl data-billkit-part="preview-lines" aria-label={text.lines} className="bk:m-0 bk:flex bk:flex-col bk:gap-2 bk:rounded-billkit-md bk:bg-billkit-muted/60 bk:p-4 bk:text-sm">
      {preview.lines.map((line, index) => (
        <div key={index} data-billkit-part="preview-line" data-proration={line.proration ? '' : undefined} className="bk:flex bk:justify-between bk:gap-4">
          <dt className="bk:text-billkit-muted-foreground">{line.description}</dt>
          <dd className="bk:m-0 bk:tabular-nums">{money(line.amount)}</dd>
        </div>
      ))}
      <div className="bk:flex bk:justify-between bk:gap-4 bk:border-t bk:border-billkit-border bk:pt-2 bk:font-semibold">
        <dt>{text.dueToday}</dt>
        <dd data-billkit-part="amount-due-today" className="bk:m-0 bk:tabular-nums">
          {money(preview.amount_due_today)}
        </dd>
      </div>
    </dl>
  );
}
