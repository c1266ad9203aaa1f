'use client';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { BillingError } from '../../client/BillingError';
import type { CheckoutSession, ConfirmCheckoutResponse, Subscription } from '../../contract/types';
import { useAuthenticateCheckout } from '../../react/useAuthenticateCheckout';
import { useBillingContext } from '../../react/useBillingContext';
import { useConfirmCheckout } from '../../react/useConfirmCheckout';
import { Button } from '../ui/Button';
import { AuthenticationDialog } from './AuthenticationDialog';
import { CardField, type CardFieldProps } from './CardField';
import { formatCardNumber, formatCvc, formatExpiry, validateCard, type CardFields } from '../../contract/validateCard';
import { PaymentError } from './PaymentError';
import type { PaymentPhase } from '../../react/paymentPhase';

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

/** The four inputs: what autofill, keyboards and the layout need to know of each. */
const CARD_FIELDS: ({
  field: keyof CardFields;
  label: 'cardNumber' | 'expiry' | 'cvc' | 'postalCode';
  format: (value: string) => string;
} & Pick<CardFieldProps, 'name' | 'part' | 'autoComplete' | 'inputMode' | 'placeholder' | 'className' | 'maxLength'>)[] = [
  { field: 'number', label: 'cardNumber', name: 'cardnumber', part: 'card-number', autoComplete: 'cc-number', inputMode: 'numeric', placeholder: '1234 1234 1234 1234', className: 'bk:col-span-2', format: formatCardNumber },
  { field: 'expiry', label: 'expiry', name: 'exp-date', part: 'card-expiry', autoComplete: 'cc-exp', inputMode: 'numeric', placeholder: 'MM / YY', format: formatExpiry },
  { field: 'cvc', label: 'cvc', name: 'cvc', part: 'card-cvc', autoComplete: 'cc-csc', inputMode: 'numeric', placeholder: 'CVC', format: formatCvc },
  { field: 'postal', label: 'postalCode', name: 'postal', part: 'postal-code', autoComplete: 'postal-code', placeholder: '12345', maxLength: 10, className: 'bk:col-span-2', format: (v) => v.toUpperCase() },
];

const EMPTY: CardFields = { number: '', expiry: '', cvc: '', postal: '' };
// The processor's `param` of a card error → the field it is about.
const PARAM_FIELD: Record<string, keyof CardFields> = {
  'card.number': 'number',
  'card.exp': 'expiry',
  'card.exp_month': 'expiry',
  'card.exp_year': 'expiry',
  'card.cvc': 'cvc',
  'card.postal_code': 'postal',
};

/**
 * The built-in test processor's card form: number, expiry, CVC and postal code with
 * formatting, checks before sending, and the 3-D Secure stand-in dialog. One confirm is
 * in flight at a time and each attempt carries its own idempotency key, so a double
 * click charges once.
 */
export function TestPaymentForm(props: TestPaymentFormProps): ReactNode {
  const { session, submitLabel, phase, onPhase, onSucceeded, onFailed, error } = props;
  const { labels } = useBillingContext();
  const confirm = useConfirmCheckout();
  const authenticate = useAuthenticateCheckout();
  const text = labels.checkout;
  const [fields, setFields] = useState<CardFields>(EMPTY);
  const [touched, setTouched] = useState<Partial<Record<keyof CardFields, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const inFlight = useRef(false);
  const [authenticating, setAuthenticating] = useState(false);

  const check = validateCard(fields);
  const fieldError = (name: keyof CardFields): string | undefined => {
    const local = (submitted || touched[name]) && check.errors?.[name];
    if (local) return text.cardErrors[local];
    if (error?.param && PARAM_FIELD[error.param] === name) return error.message;
    return undefined;
  };
  const formError = error && !(error.param && PARAM_FIELD[error.param]) ? error : null;
  const busy = phase === 'paying' || phase === 'requires_action' || phase === 'succeeded';

  const settle = (answer: ConfirmCheckoutResponse) => {
    if (answer.status === 'succeeded') onSucceeded(answer.subscription);
    else onPhase('requires_action');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    // A ref, not state: a second click in the same tick must see the first one.
    if (inFlight.current || busy || !check.card) return;
    inFlight.current = true;
    onPhase('paying');
    try {
      // One mutate is one attempt: the hook gives it a fresh idempotency key.
      settle(
        await confirm.mutateAsync({
          sessionId: session.session_id,
          client_secret: session.client_secret ?? '',
          card: check.card,
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

  const blur = (name: keyof CardFields) => () => {
    if (fields[name]) setTouched((t) => ({ ...t, [name]: true }));
  };

  return (
    <form noValidate onSubmit={submit} data-billkit-part="card-form" className="bk:flex bk:flex-col bk:gap-4">
      <fieldset disabled={busy} className="bk:m-0 bk:grid bk:min-w-0 bk:grid-cols-2 bk:gap-x-3 bk:gap-y-4 bk:border-0 bk:p-0">
        <legend className="bk:mb-3 bk:p-0 bk:text-sm bk:font-semibold bk:text-billkit-foreground">{text.paymentDetails}</legend>
        {CARD_FIELDS.map(({ field, label, format, ...input }) => (
          <CardField
            key={field}
            {...input}
            label={text[label]}
            value={fields[field]}
            onChange={(e) => setFields((f) => ({ ...f, [field]: format(e.target.value) }))}
            onBlur={blur(field)}
            error={fieldError(field)}
          />
        ))}
      </fieldset>
      {formError && <PaymentError error={formError} />}
      <Button type="submit" size="lg" fullWidth pending={phase === 'paying'} disabled={busy} data-billkit-part="submit">
        {phase === 'paying' ? text.paying : submitLabel}
      </Button>
      <p className="bk:m-0 bk:text-center bk:text-xs bk:text-billkit-muted-foreground">{text.testCardsHint}</p>
      <AuthenticationDialog open={phase === 'requires_action'} pending={authenticating} onAnswer={answerChallenge} />
    </form>
  );
}
