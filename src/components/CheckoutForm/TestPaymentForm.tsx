import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { BillingError } from '../../client/BillingError';
import type { CheckoutSession, ConfirmCheckoutResponse, Subscription } from '../../client/types';
import { useAuthenticateCheckout } from '../../react/useAuthenticateCheckout';
import { useBillingContext } from '../../react/useBillingContext';
import { useConfirmCheckout } from '../../react/useConfirmCheckout';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { AuthenticationDialog } from './AuthenticationDialog';
import { CardField } from './CardField';
import { formatCardNumber, formatCvc, formatExpiry, validateCard, type CardFields } from './validateCard';
import type { PaymentPhase } from './paymentPhase';

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

  const update = (name: keyof CardFields, format: (v: string) => string) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [name]: format(e.target.value) }));
  const blur = (name: keyof CardFields) => () => {
    if (fields[name]) setTouched((t) => ({ ...t, [name]: true }));
  };

  return (
    <form noValidate onSubmit={submit} data-billkit-part="card-form" className="bk:flex bk:flex-col bk:gap-4">
      <fieldset disabled={busy} className="bk:m-0 bk:grid bk:min-w-0 bk:grid-cols-2 bk:gap-x-3 bk:gap-y-4 bk:border-0 bk:p-0">
        <legend className="bk:mb-3 bk:text-sm bk:font-semibold bk:text-billkit-foreground">{text.paymentDetails}</legend>
        <CardField
          part="card-number"
          className="bk:col-span-2"
          label={text.cardNumber}
          name="cardnumber"
          autoComplete="cc-number"
          inputMode="numeric"
          placeholder="1234 1234 1234 1234"
          value={fields.number}
          onChange={update('number', formatCardNumber)}
          onBlur={blur('number')}
          error={fieldError('number')}
        />
        <CardField
          part="card-expiry"
          label={text.expiry}
          name="exp-date"
          autoComplete="cc-exp"
          inputMode="numeric"
          placeholder="MM / YY"
          value={fields.expiry}
          onChange={update('expiry', formatExpiry)}
          onBlur={blur('expiry')}
          error={fieldError('expiry')}
        />
        <CardField
          part="card-cvc"
          label={text.cvc}
          name="cvc"
          autoComplete="cc-csc"
          inputMode="numeric"
          placeholder="CVC"
          value={fields.cvc}
          onChange={update('cvc', formatCvc)}
          onBlur={blur('cvc')}
          error={fieldError('cvc')}
        />
        <CardField
          part="postal-code"
          className="bk:col-span-2"
          label={text.postalCode}
          name="postal"
          autoComplete="postal-code"
          placeholder="12345"
          maxLength={10}
          value={fields.postal}
          onChange={update('postal', (v) => v.toUpperCase())}
          onBlur={blur('postal')}
          error={fieldError('postal')}
        />
      </fieldset>
      {formError && (
        <Notice tone="danger" role="alert">
          <span data-billkit-part="payment-error" data-code={formError.code}>
            {formError.message}
          </span>
        </Notice>
      )}
      <Button type="submit" size="lg" fullWidth pending={phase === 'paying'} disabled={busy} data-billkit-part="submit">
        {phase === 'paying' ? text.paying : submitLabel}
      </Button>
      <p className="bk:m-0 bk:text-center bk:text-xs bk:text-billkit-muted-foreground">{text.testCardsHint}</p>
      <AuthenticationDialog open={phase === 'requires_action'} pending={authenticating} onAnswer={answerChallenge} />
    </form>
  );
}
