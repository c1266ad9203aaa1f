/**
 * Where a checkout form's payment is: `idle` (ready to pay), `paying` (a confirm is in
 * flight), `requires_action` (the card asks for authentication), `succeeded`, or
 * `error` (the last attempt failed; the form is ready to try again).
 */
export type PaymentPhase = 'idle' | 'paying' | 'requires_action' | 'succeeded' | 'error';
