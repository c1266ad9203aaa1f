'use client';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { BillingError } from '../../client/BillingError';
import type { CheckoutSession, ConfirmCheckoutResponse, Subscription } from '../../contract/types';
import { useAuthenticateCheckout } from '../../react/useAuthenticateCheckout';
import { useConfirmCheckout } from '../../react/useConfirmCheckout';
import { Button } from '../ui/Button';
import { AuthenticationDialog } from './AuthenticationDialog';
import { CardFieldset, useCardFieldset } from './CardFieldset';
import { PaymentError } from './PaymentError';
import type { PaymentPhase } from '../../react/paymentPhase';
import { useLabels } from '../../react/useLabels';
import { defaultCheckoutLabels } from './checkoutLabels';

/** Props of {@link TestPaymentForm}. */
export interface TestPaymentFormProps {
  session: CheckoutSession;
  /** The submit button's text (`Pay $29.00`, `Start trial`). */
  submitLabel: string;
  phase: PaymentPhase;
  onPhase: (phase: PaymentPhase) => void;
  onSucceeded: (subscription: Subscription) => void;
  onFailed: (error: BillingError) => void;
  /** The last payment error, shown in place (at its field when the processor names one). */
  error: BillingError | null;
}

/**
 * The built-in test processor's card form: number, expiry, CVC and postal code with
 * formatting, checks before sending, and the 3-D Secure stand-in dialog. One confirm is
 * in flight at a time and each attempt carries its own idempotency key, so a double
 * click charges once.
 */
export function TestPaymentForm(props: TestPaymentFormProps): ReactNode {
  const { session, submitLabel, phase, onPhase, onSucceeded, onFailed, error } = props;
  const confirm = useConfirmCheckout();
  const authenticate = useAuthenticateCheckout();
  const text = useLabels('checkout', defaultCheckoutLabels);
  const cardForm = useCardFieldset(error, text);
  const inFlight = useRef(false);
  const [authenticating, setAuthenticating] = useState(false);

  const { card, formError } = cardForm;
  const busy = phase === 'paying' || phase === 'requires_action' || phase === 'succeeded';

  const settle = (answer: ConfirmCheckoutResponse) => {
    if (answer.status === 'succeeded') onSucceeded(answer.subscription);
    else onPhase('requires_action');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    cardForm.submit();
    // A ref, not state: a second click in the same tick must see the first one.
    if (inFlight.current || busy || !card) return;
    inFlight.current = true;
    onPhase('paying');
    try {
      // One mutate is one attempt: the hook gives it a fresh idempotency key.
      settle(
        await confirm.mutateAsync({
          sessionId: session.session_id,
          client_secret: session.client_secret ?? '',
          card,
        }),
      );
    } catch (e) {
      onFailed(e as BillingError);
    } finally {
      inFlight.current = false;
    }
  };

  const answerChallenge = async (approve: boolean) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setAuthenticating(true);
    try {
      settle(
        await authenticate.mutateAsync({ sessionId: session.session_id, client_secret: session.client_secret ?? '', approve }),
      );
    } catch (e) {
      onFailed(e as BillingError);
    } finally {
      inFlight.current = false;
      setAuthenticating(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} data-billkit-part="card-form" className="bk:flex bk:flex-col bk:gap-4">
      <CardFieldset state={cardForm} text={text} disabled={busy} />
      {formError && <PaymentError error={formError} />}
      <Button type="submit" size="lg" fullWidth pending={phase === 'paying'} disabled={busy} data-billkit-part="submit">
        {phase === 'paying' ? text.paying : submitLabel}
      </Button>
      <p className="bk:m-0 bk:text-center bk:text-xs bk:text-billkit-muted-foreground">{text.testCardsHint}</p>
      <AuthenticationDialog open={phase === 'requires_action'} pending={authenticating} onAnswer={answerChallenge} />
    </form>
  );
}
