import type { ReactNode } from 'react';
import { Dialog } from 'radix-ui';
import { useBillingContext } from '../../react/useBillingContext';
import { Button } from '../ui/Button';

/** Props of {@link AuthenticationDialog}. */
export interface AuthenticationDialogProps {
  open: boolean;
  /** The user's answer; the dialog stays open (buttons pending) until the parent closes it. */
  onAnswer: (approve: boolean) => void;
  pending: boolean;
}

/**
 * The test processor's stand-in for a bank's 3-D Secure challenge: the user approves
 * the payment or makes the authentication fail. Closing it (Escape) counts as failing,
 * as abandoning a real challenge does.
 */
export function AuthenticationDialog({ open, onAnswer, pending }: AuthenticationDialogProps): ReactNode {
  const { labels } = useBillingContext();
  const text = labels.checkout;
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next && !pending) onAnswer(false);
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="bk:fixed bk:inset-0 bk:z-50 bk:bg-billkit-overlay" />
        <Dialog.Content
          data-billkit-component="checkout-authentication"
          className={
            'bk:fixed bk:left-1/2 bk:top-1/2 bk:z-50 bk:w-[min(26rem,calc(100vw-2rem))] bk:-translate-x-1/2 bk:-translate-y-1/2 ' +
            'bk:rounded-billkit-lg bk:border bk:border-billkit-border bk:bg-billkit-card bk:p-6 bk:text-billkit-card-foreground ' +
            'bk:shadow-xl bk:font-billkit'
          }
        >
          <Dialog.Title className="bk:text-base bk:font-semibold bk:text-billkit-card-foreground">
            {text.authenticateTitle}
          </Dialog.Title>
          <Dialog.Description className="bk:mt-2 bk:text-sm bk:text-billkit-muted-foreground">
            {text.authenticateDescription}
          </Dialog.Description>
          <div className="bk:mt-6 bk:flex bk:justify-end bk:gap-3">
            <Button variant="outline" disabled={pending} onClick={() => onAnswer(false)}>
              {text.authenticateFail}
            </Button>
            <Button pending={pending} onClick={() => onAnswer(true)}>
              {text.authenticateApprove}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
