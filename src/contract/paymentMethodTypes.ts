/**
 * Wire types of cards and the card on file (`GET /payment-method`, the setups), field for
 * field as the proxy sends them; re-exported by `types.ts`, where the other wire types are.
 */

/** Card details as a card form collects them: the one card shape of browser and proxy. */
export interface CardDetails {
  /** Digits, spaces allowed. */
  number: string;
  exp_month: number;
  /** Four digits (`2030`) or two (`30`). */
  exp_year: number;
  cvc: string;
  postal_code?: string;
}

/** Billkit addition: the card on file of the caller (`GET /payment-method`). */
export interface PaymentMethod {
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
}

/** `GET /payment-method` answer. */
export interface PaymentMethodResponse {
  payment_method: PaymentMethod | null;
}

/** Billkit addition: `POST /payment-method/setup` answer (like a Stripe SetupIntent). */
export interface PaymentMethodSetup {
  setup_id: string;
  client_secret: string;
  processor: 'test' | 'stripe';
  /** With Stripe only. */
  publishable_key?: string;
}

/**
 * Billkit addition: `POST /payment-method/setup/:setup_id/confirm` body. `card` with the
 * test processor; with Stripe only `client_secret`, after the PaymentElement confirmed the
 * SetupIntent in the browser (a `card` is then refused).
 */
export interface ConfirmPaymentMethodSetupRequest {
  client_secret: string;
  card?: CardDetails;
}

/** Billkit addition: `POST /payment-method/setup/:setup_id/authenticate` body. */
export interface AuthenticatePaymentMethodSetupRequest {
  client_secret: string;
  approve: boolean;
}

/**
 * Answer of `POST /payment-method/setup/:setup_id/confirm` (and `/authenticate`):
 * the attached card, or a 3-D Secure challenge to answer with `/authenticate`.
 */
export type ConfirmPaymentMethodSetupResponse =
  | { status: 'succeeded'; payment_method: PaymentMethod }
  | { status: 'requires_action'; next_action: { type: 'authenticate' } };
