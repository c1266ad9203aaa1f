'use client';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { BillingError } from '../../client/BillingError';
import type { PaymentMethod, PaymentMethodSetup } from '../../contract/types';
import { useBillingContext } from '../../react/useBillingContext';
import { useSetupPaymentMethod, type SetupPaymentMethodResult } from '../../react/useSetupPaymentMethod';
import { AuthenticationDialog } from '../CheckoutForm/AuthenticationDialog';
import { CardFieldset, useCardFieldset } from '../CheckoutForm/CardFieldset';
import { PaymentError } from '../CheckoutForm/PaymentError';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import { defaultPaymentMethodLabels, type PaymentMethodLabels } from './paymentMethodLabels';

/** Props of {@link PaymentMethodForm}. */
export interface PaymentMethodFormProps {
  /** Called once the card is attached (and is the cached card on file). */
  onSaved?: (paymentMethod: PaymentMethod) => void;
  /** The submit button's text; default "Save card". */
  submitLabel?: string;
  /** Any of the strings, overridden. */
  labels?: Partial<PaymentMethodLabels>;
  className?: string;
}

type Phase = 'idle' | 'saving' | 'requires_action' | 'saved' | 'error';

/**
 * A card form that attaches a new card on file (the test processor's card fields, the
 * same inputs and checks as `<CheckoutForm/>`), with the 3-D Secure step. Usable alone
 * (a "Payment method" settings page) and inside the plan change and recovery dialogs.
 * Root: `data-billkit-component="payment-method-form"`, `data-state` = `idle` | `saving`
 * | `requires_action` | `saved` | `error`.
 *
 * @example
 * <PaymentMethodForm onSaved={(card) => toast(`Saved ${card.brand} ${card.last4}`)} />
 */
export function PaymentMethodForm({ onSaved, submitLabel, labels, className }: PaymentMethodFormProps): ReactNode {
  const context = useBillingContext();
  const text = { ...defaultPaymentMethodLabels, ...labels };
  const setup = useSetupPaymentMethod();
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<BillingError | null>(null);
  const pendingSetup = useRef<PaymentMethodSetup | null>(null);
  const inFlight = useRef(false);
  const cardForm = useCardFieldset(error, context.labels.checkout);
  const busy = phase === 'saving' || phase === 'requires_action';

  const run = async (step: () => Promise<SetupPaymentMethodResult>) => {
    // A ref, not state: a second click in the same tick must see the first one.
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      const answer = await step();
      pendingSetup.current = answer.setup;
      if (answer.status === 'succeeded') {
        setPhase('saved');
        setError(null);
        onSaved?.(answer.payment_method);
      } else {
        setPhase('requires_action');
      }
    } catch (e) {
      setError(e as BillingError);
      setPhase('error');
    } finally {
      inFlight.current = false;
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A form inside a dialog inside the app's own form must not submit that one.
    event.stopPropagation();
    cardForm.submit();
    const card = cardForm.card;
    if (busy || !card) return;
    setPhase('saving');
    void run(() => setup.mutateAsync({ card }));
  };

  const answerChallenge = (approve: boolean) => {
    const current = pendingSetup.current;
    if (!current) return;
    void run(() => setup.mutateAsync({ setup: current, approve }));
  };

  return (
    <form
      noValidate
      onSubmit={submit}
      data-billkit-component="payment-method-form"
      data-state={phase}
      className={cx('bk:flex bk:flex-col bk:gap-4', className)}
    >
      <CardFieldset state={cardForm} text={context.labels.checkout} disabled={busy} />
      {cardForm.formError && <PaymentError error={cardForm.formError} />}
      {phase === 'saved' && (
        <p role="status" data-billkit-part="saved" className="bk:m-0 bk:text-sm bk:font-medium bk:text-billkit-success">
          {text.cardSaved}
        </p>
      )}
      <Button type="submit" size="lg" fullWidth pending={busy} disabled={busy} data-billkit-part="submit">
        {busy ? text.savingCard : (submitLabel ?? text.saveCard)}
      </Button>
      <p className="bk:m-0 bk:text-center bk:text-xs bk:text-billkit-muted-foreground">{context.labels.checkout.testCardsHint}</p>
      <AuthenticationDialog open={phase === 'requires_action'} pending={setup.isPending} onAnswer={answerChallenge} />
    </form>
  );
}
