'use client';
import type { ReactNode } from 'react';
import { Button } from '../ui/Button';
import { Dialog, DialogContent } from '../ui/Dialog';
import { useLabels } from '../../react/useLabels';
import { defaultCheckoutLabels } from './checkoutLabels';

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
  const text = useLabels('checkout', defaultCheckoutLabels);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next && !pending) onAnswer(false);
      }}
    >
      <DialogContent
        title={text.authenticateTitle}
        description={text.authenticateDescription}
        footer={
          <>
            <Button variant="outline" disabled={pending} onClick={() => onAnswer(false)}>
              {text.authenticateFail}
            </Button>
            <Button pending={pending} onClick={() => onAnswer(true)}>
              {text.authenticateApprove}
            </Button>
          </>
        }
      />
    </Dialog>
  );
}
