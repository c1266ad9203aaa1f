import type { Stripe } from '@stripe/stripe-js';

/** What a {@link createFakeStripe} instance was asked to do. */
export interface FakeStripeCalls {
  elements: unknown[];
  confirmPayment: { elements: unknown; confirmParams?: { return_url?: string }; redirect?: string }[];
  confirmSetup: { elements: unknown; confirmParams?: { return_url?: string }; redirect?: string }[];
}

type ConfirmResult = { error?: { type: string; code?: string; decline_code?: string; message?: string }; paymentIntent?: unknown; setupIntent?: unknown };

/**
 * A stand-in for Stripe.js with just what `<Elements>` and `<PaymentElement>` call:
 * `elements()` returns an Elements group whose `create('payment')` mounts a plain,
 * labelled placeholder (Stripe's real iframe needs its network, unreachable in tests and
 * stories), and `confirmPayment` / `confirmSetup` record their arguments and resolve
 * with `result` (a succeeded intent by default).
 */
export function createFakeStripe(result: ConfirmResult = {}): { stripe: Stripe; calls: FakeStripeCalls } {
  const calls: FakeStripeCalls = { elements: [], confirmPayment: [], confirmSetup: [] };
  const createElement = () => {
    let node: HTMLElement | null = null;
    return {
      mount(target: HTMLElement | string) {
        node = typeof target === 'string' ? document.querySelector<HTMLElement>(target) : target;
        if (!node) return;
        const box = document.createElement('div');
        box.setAttribute('data-testid', 'fake-payment-element');
        box.setAttribute('role', 'group');
        box.setAttribute('aria-label', 'Stripe payment element (test double)');
        box.style.cssText =
          'border:1px dashed var(--billkit-input);border-radius:8px;padding:16px;font:14px/1.5 system-ui,sans-serif;color:var(--billkit-foreground)';
        box.textContent = 'Stripe PaymentElement (test double): card, wallets and local payment methods appear here.';
        node.replaceChildren(box);
      },
      on() {},
      off() {},
      once() {},
      update() {},
      focus() {},
      blur() {},
      clear() {},
      unmount() {
        node?.replaceChildren();
      },
      destroy() {
        node?.replaceChildren();
      },
    };
  };
  const answer = (kind: 'paymentIntent' | 'setupIntent') =>
    result.error ? { error: result.error } : { [kind]: result[kind] ?? { id: kind === 'paymentIntent' ? 'pi_fake' : 'seti_fake', status: 'succeeded' } };
  const stripe = {
    elements(options: unknown) {
      calls.elements.push(options);
      return {
        create: createElement,
        getElement: () => null,
        update() {},
        submit: async () => ({}),
        fetchUpdates: async () => ({}),
        on() {},
      };
    },
    createToken: async () => ({}),
    createPaymentMethod: async () => ({}),
    confirmCardPayment: async () => ({}),
    async confirmPayment(options: FakeStripeCalls['confirmPayment'][number]) {
      calls.confirmPayment.push(options);
      return answer('paymentIntent');
    },
    async confirmSetup(options: FakeStripeCalls['confirmSetup'][number]) {
      calls.confirmSetup.push(options);
      return answer('setupIntent');
    },
  };
  return { stripe: stripe as unknown as Stripe, calls };
}
