'use client';
import { useState, type ReactNode } from 'react';
import type { BillingError } from '../../client/BillingError';
import type { CheckoutLabels } from './checkoutLabels';
import { CardField, type CardFieldProps } from './CardField';
import { formatCardNumber, formatCvc, formatExpiry, validateCard, type CardFields } from '../../contract/validateCard';

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
 * The state of the test processor's card inputs, shared by the checkout's card form and
 * `<PaymentMethodForm/>`: the values, the checks (shown once a field is left or the form
 * submitted) and the processor's last error placed at its field, or returned as `formError`.
 */
export function useCardFieldset(error: BillingError | null, text: CheckoutLabels) {
  const [fields, setFields] = useState<CardFields>(EMPTY);
  const [touched, setTouched] = useState<Partial<Record<keyof CardFields, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const check = validateCard(fields);
  const fieldError = (name: keyof CardFields): string | undefined => {
    const local = (submitted || touched[name]) && check.errors?.[name];
    if (local) return text.cardErrors[local];
    if (error?.param && PARAM_FIELD[error.param] === name) return error.message;
    return undefined;
  };
  return {
    fields,
    setFields,
    setTouched,
    fieldError,
    /** The parsed card, or `undefined` while a field is incomplete or invalid. */
    card: check.card,
    /** An error no field owns (a decline), shown above the submit button. */
    formError: error && !(error.param && PARAM_FIELD[error.param]) ? error : null,
    /** Marks the form submitted, so every field shows its check. */
    submit: () => setSubmitted(true),
  };
}

/** What {@link useCardFieldset} returns. */
export type CardFieldsetState = ReturnType<typeof useCardFieldset>;

/** The four labelled card inputs with formatting and inline errors, in a fieldset with a legend. */
export function CardFieldset({ state, text, disabled }: { state: CardFieldsetState; text: CheckoutLabels; disabled: boolean }): ReactNode {
  const { fields, setFields, setTouched, fieldError } = state;
  return (
    <fieldset disabled={disabled} className="bk:m-0 bk:grid bk:min-w-0 bk:grid-cols-2 bk:gap-x-3 bk:gap-y-4 bk:border-0 bk:p-0">
      <legend className="bk:mb-3 bk:p-0 bk:text-sm bk:font-semibold bk:text-billkit-foreground">{text.paymentDetails}</legend>
      {CARD_FIELDS.map(({ field, label, format, ...input }) => (
        <CardField
          key={field}
          {...input}
          label={text[label]}
          value={fields[field]}
          onChange={(e) => setFields((f) => ({ ...f, [field]: format(e.target.value) }))}
          onBlur={() => {
            if (fields[field]) setTouched((t) => ({ ...t, [field]: true }));
          }}
          error={fieldError(field)}
        />
      ))}
    </fieldset>
  );
}
