import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CheckoutForm, stripeAppearance } from '../../../src/components/CheckoutForm';
import type { Subscription } from '../../../src/contract/types';
import { BillingProvider } from '../../../src/react/BillingProvider';
import { createStripeProcessor } from '../../../src/server/processor/stripe';
import { stripeIntegration } from '../../../src/stripe';
import { createFakeStripe } from '../../../stories/fakeStripe';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { startFakeStripeApi } from '../../helpers/stripeFakeApi';

// Counts evaluations of the Stripe packages: the test processor path must load neither.
const stripeModules = vi.hoisted(() => ({ stripeJs: 0, reactStripeJs: 0 }));
vi.mock('@stripe/stripe-js', async (importOriginal) => {
  stripeModules.stripeJs++;
  return importOriginal();
});
vi.mock('@stripe/react-stripe-js', async (importOriginal) => {
  stripeModules.reactStripeJs++;
  return importOriginal();
});

let proxy: TestProxy;
let userCount = 0;

beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(async () => {
  await proxy?.close();
});

/** Renders `ui` for a fresh subject without a subscription; counts confirm requests. */
async function renderForNewUser(ui: ReactNode, options: { holdConfirm?: Promise<void> } = {}) {
  const token = await proxy.tokenFor(`user_checkout_${++userCount}`);
  const requests: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), proxy.origin), init);
    requests.push(`${request.method} ${new URL(request.url).pathname}`);
    // Lets a test look at the form while the payment is in flight, however fast the proxy is.
    if (options.holdConfirm && request.url.endsWith('/confirm')) await options.holdConfirm;
    return proxy.fetch(request);
  }) as typeof globalThis.fetch;
  const view = render(
    <BillingProvider baseUrl={proxy.baseUrl} getToken={() => token} fetch={fetch} locale="en-US">
      {ui}
    </BillingProvider>,
  );
  return { ...view, requests, user: userEvent.setup() };
}

const form = () => document.querySelector<HTMLElement>('[data-billkit-component="checkout-form"]')!;

async function waitForState(state: string) {
  await waitFor(() => expect(form()).toHaveAttribute('data-state', state), { timeout: 10_000 });
}

async function fillCard(user: ReturnType<typeof userEvent.setup>, number: string) {
  await user.type(await screen.findByLabelText('Card number'), number);
  await user.type(screen.getByLabelText('Expiration date'), '1234');
  await user.type(screen.getByLabelText('Security code'), '123');
  await user.type(screen.getByLabelText('Postal code'), '10115');
}

describe('<CheckoutForm/> on the test processor', () => {
  it('shows the plan, price, interval and total due today, then pays with 4242 and reports the active subscription', async () => {
    const onSuccess = vi.fn<(subscription: Subscription) => void>();
    const { user } = await renderForNewUser(<CheckoutForm priceId="price_pro_monthly" onSuccess={onSuccess} />);
    expect(form()).toHaveAttribute('data-state', 'loading');
    await waitForState('idle');
    const summary = screen.getByRole('region', { name: 'Order summary' });
    expect(within(summary).getByText('Pro')).toBeInTheDocument();
    expect(within(summary).getByText('$29.00 per month')).toBeInTheDocument();
    expect(within(summary).getByText('Total due today').nextSibling).toHaveTextContent('$29.00');

    await fillCard(user, '4242424242424242');
    expect(screen.getByLabelText('Card number')).toHaveValue('4242 4242 4242 4242');
    expect(screen.getByLabelText('Expiration date')).toHaveValue('12 / 34');
    await user.click(screen.getByRole('button', { name: 'Pay $29.00' }));

    await waitForState('succeeded');
    expect(screen.getByRole('status')).toHaveTextContent("You're subscribed to Pro.");
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ status: 'active', plan: { id: 'plan_pro' }, price: { id: 'price_pro_monthly' } });
    // Nothing from Stripe was evaluated for the test processor.
    expect(stripeModules).toEqual({ stripeJs: 0, reactStripeJs: 0 });
  });

  it('labels the card fields for autofill and checks them before sending anything', async () => {
    const { user, requests } = await renderForNewUser(<CheckoutForm priceId="price_pro_monthly" />);
    await waitForState('idle');
    const number = screen.getByLabelText('Card number');
    expect(number).toHaveAttribute('autocomplete', 'cc-number');
    expect(number).toHaveAttribute('inputmode', 'numeric');
    expect(screen.getByLabelText('Expiration date')).toHaveAttribute('autocomplete', 'cc-exp');
    expect(screen.getByLabelText('Security code')).toHaveAttribute('autocomplete', 'cc-csc');
    expect(screen.getByLabelText('Postal code')).toHaveAttribute('autocomplete', 'postal-code');

    await user.type(number, '4242424242424241'); // fails the Luhn check
    await user.type(screen.getByLabelText('Expiration date'), '0120'); // January 2020: past
    await user.type(screen.getByLabelText('Security code'), '12');
    await user.click(screen.getByRole('button', { name: 'Pay $29.00' }));

    expect(number).toHaveAttribute('aria-invalid', 'true');
    expect(number).toHaveAccessibleDescription('Your card number is invalid.');
    expect(screen.getByLabelText('Expiration date')).toHaveAccessibleDescription("Your card's expiration date is in the past.");
    expect(screen.getByLabelText('Security code')).toHaveAccessibleDescription("Your card's security code is incomplete.");
    expect(screen.getByLabelText('Postal code')).toHaveAccessibleDescription('Your postal code is incomplete.');
    expect(requests.filter((r) => r.endsWith('/confirm'))).toHaveLength(0);
  });

  it('writes the expiry as "MM / YY" while typing and tells an incomplete date from an impossible month', async () => {
    const { user } = await renderForNewUser(<CheckoutForm priceId="price_pro_monthly" />);
    await waitForState('idle');
    const expiry = screen.getByLabelText('Expiration date');
    await user.type(expiry, '4');
    expect(expiry).toHaveValue('04');
    await user.type(expiry, '3');
    expect(expiry).toHaveValue('04 / 3');
    await user.click(screen.getByRole('button', { name: 'Pay $29.00' }));
    expect(expiry).toHaveAccessibleDescription("Your card's expiration date is incomplete.");
    await user.clear(expiry);
    await user.type(expiry, '1334');
    expect(expiry).toHaveValue('13 / 34');
    expect(expiry).toHaveAccessibleDescription("Your card's expiration month is invalid.");
    await user.clear(expiry);
    await user.type(expiry, '0434');
    expect(expiry).toHaveValue('04 / 34');
    expect(expiry).not.toHaveAccessibleDescription();
  });

  it.each([
    ['4000000000000002', 'card_declined', 'Your card was declined.'],
    ['4000000000009995', 'insufficient_funds', 'Your card has insufficient funds.'],
  ])('shows the processor message in place for %s (%s) and lets the user pay again', async (card, code, message) => {
    const onError = vi.fn();
    const onSuccess = vi.fn();
    const { user } = await renderForNewUser(<CheckoutForm priceId="price_pro_monthly" onError={onError} onSuccess={onSuccess} />);
    await fillCard(user, card);
    await user.click(screen.getByRole('button', { name: 'Pay $29.00' }));
    await waitForState('error');
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code, status: 402 }));

    const number = screen.getByLabelText('Card number');
    await user.clear(number);
    await user.type(number, '4242424242424242');
    await user.click(screen.getByRole('button', { name: 'Pay $29.00' }));
    await waitForState('succeeded');
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ status: 'active' }));
  });

  it('asks for authentication with 4000 0025 0000 3155 and pays once approved', async () => {
    const onSuccess = vi.fn();
    const { user } = await renderForNewUser(<CheckoutForm priceId="price_pro_monthly" onSuccess={onSuccess} />);
    await fillCard(user, '4000002500003155');
    await user.click(screen.getByRole('button', { name: 'Pay $29.00' }));
    await waitForState('requires_action');
    const dialog = await screen.findByRole('dialog', { name: 'Confirm your payment' });
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await waitForState('succeeded');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ status: 'active' }));
  });

  it('shows the failure when the authentication fails', async () => {
    const onSuccess = vi.fn();
    const { user } = await renderForNewUser(<CheckoutForm priceId="price_pro_monthly" onSuccess={onSuccess} />);
    await fillCard(user, '4000002500003155');
    await user.click(screen.getByRole('button', { name: 'Pay $29.00' }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm your payment' });
    await user.click(within(dialog).getByRole('button', { name: 'Fail' }));
    await waitForState('error');
    // The dialog unmounts, and Radix un-hides the page (aria-hidden), in effects after the state flips.
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByRole('alert')).toHaveTextContent(/unable to authenticate/i);
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it('applies SAVE20: the discount shows and the total drops to $23.20', async () => {
    const { user } = await renderForNewUser(<CheckoutForm priceId="price_pro_monthly" />);
    await waitForState('idle');
    await user.type(screen.getByLabelText('Promotion code'), 'save20');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    const summary = screen.getByRole('region', { name: 'Order summary' });
    await waitFor(() => expect(within(summary).getByText('SAVE20 (20% off)')).toBeInTheDocument());
    expect(within(summary).getByText('−$5.80')).toBeInTheDocument();
    expect(within(summary).getByText('Total due today').nextSibling).toHaveTextContent('$23.20');
    expect(screen.getByText('SAVE20 applied')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pay $23.20' })).toBeEnabled();
  });

  it('shows an amount-off code from the promotionCode prop (TENOFF)', async () => {
    await renderForNewUser(<CheckoutForm priceId="price_pro_monthly" promotionCode="TENOFF" />);
    await waitForState('idle');
    expect(screen.getByText('TENOFF ($10.00 off)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pay $19.00' })).toBeInTheDocument();
  });

  it('rejects EXPIRED20 with the server message in place and keeps the price', async () => {
    const { user } = await renderForNewUser(<CheckoutForm priceId="price_pro_monthly" />);
    await waitForState('idle');
    const field = screen.getByLabelText('Promotion code');
    await user.type(field, 'EXPIRED20');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The promotion code "EXPIRED20" has expired.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Pay $29.00' })).toBeInTheDocument();

    await user.clear(field);
    await user.type(field, 'NOPE');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The promotion code "NOPE" is not valid.');
  });

  it('shows a trial and starts it without charging', async () => {
    const onSuccess = vi.fn();
    const { user } = await renderForNewUser(<CheckoutForm priceId="price_pro_monthly" trialDays={14} onSuccess={onSuccess} />);
    await waitForState('idle');
    expect(screen.getByText('14-day free trial')).toBeInTheDocument();
    expect(screen.getByText('Total due today').nextSibling).toHaveTextContent('$0.00');
    await fillCard(user, '4242424242424242');
    await user.click(screen.getByRole('button', { name: 'Start trial' }));
    await waitForState('succeeded');
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ status: 'trialing' }));
  });

  it('confirms once on a double click, with the submit disabled while paying', async () => {
    let release!: () => void;
    const holdConfirm = new Promise<void>((resolve) => (release = resolve));
    const { user, requests } = await renderForNewUser(<CheckoutForm priceId="price_pro_monthly" />, { holdConfirm });
    await fillCard(user, '4242424242424242');
    const pay = screen.getByRole('button', { name: 'Pay $29.00' });
    await user.dblClick(pay);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Processing…' })).toBeDisabled());
    release();
    await waitForState('succeeded');
    expect(requests.filter((r) => r.endsWith('/confirm'))).toHaveLength(1);
  });

  it('shows the error state with a retry when the session cannot be created', async () => {
    const onError = vi.fn();
    await renderForNewUser(<CheckoutForm priceId="price_does_not_exist" onError={onError} />);
    await waitForState('error');
    expect(screen.getByRole('alert')).toHaveTextContent('The checkout could not be started.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ status: 400 }));
    await act(async () => {});
  });
});

describe('<CheckoutForm/> on the Stripe processor', () => {
  it('loads the Stripe branch lazily, renders the PaymentElement and confirms with the client secret', async () => {
    const stripeApi = await startFakeStripeApi();
    const stripeProxy = await startTestProxy({
      processor: createStripeProcessor({
        secretKey: 'sk_test_billkit',
        publishableKey: 'pk_test_billkit',
        webhookSecret: 'whsec_test',
        config: { host: stripeApi.host, port: stripeApi.port, protocol: 'http', maxNetworkRetries: 0 },
      }),
    });
    try {
      const token = await stripeProxy.tokenFor('user_stripe_form');
      const { stripe, calls } = createFakeStripe();
      const onError = vi.fn();
      const onSuccess = vi.fn();
      const user = userEvent.setup();
      render(
        <BillingProvider baseUrl={stripeProxy.baseUrl} getToken={() => token} fetch={stripeProxy.fetch} locale="en-US">
          <CheckoutForm priceId="price_pro_monthly" stripe={stripeIntegration({ stripe })} onError={onError} onSuccess={onSuccess} />
        </BillingProvider>,
      );
      expect(await screen.findByTestId('fake-payment-element', {}, { timeout: 10_000 })).toBeInTheDocument();
      expect(form()).toHaveAttribute('data-processor', 'stripe');
      // Elements got the subscription's PaymentIntent secret and an appearance from the tokens.
      const options = calls.elements[0] as { clientSecret: string; appearance: { theme: string } };
      expect(options.clientSecret).toMatch(/^pi_\w+_secret_\w+$/);
      expect(options.appearance.theme).toMatch(/^(stripe|night)$/);
      // The injected instance was used: Stripe.js itself was never loaded.
      expect(stripeModules).toEqual({ stripeJs: 0, reactStripeJs: 1 });

      await user.click(screen.getByRole('button', { name: 'Pay $29.00' }));
      await waitFor(() => expect(calls.confirmPayment).toHaveLength(1));
      expect(calls.confirmPayment[0]).toMatchObject({ redirect: 'if_required', confirmParams: { return_url: window.location.href } });
      expect(calls.confirmPayment[0]!.elements).toBeTruthy();
      expect(form()).toHaveAttribute('data-state', 'paying');

      // Stripe tells the proxy: the first invoice of the subscription is paid.
      const created = stripeApi.requests.find((r) => r.method === 'POST' && r.path === '/v1/subscriptions')!;
      const metadata = created.body.metadata as Record<string, string>;
      const subscriptionId = [...stripeApi.objects.values()].find((o) => o.object === 'subscription')!.id as string;
      const now = Math.floor(Date.now() / 1000);
      const payload = JSON.stringify({
        id: 'evt_test_form_paid',
        object: 'event',
        type: 'invoice.paid',
        created: now,
        livemode: false,
        data: {
          object: {
            id: 'in_test_form_first',
            object: 'invoice',
            billing_reason: 'subscription_create',
            status: 'paid',
            amount_due: 2900,
            amount_paid: 2900,
            currency: 'usd',
            created: now,
            parent: { type: 'subscription_details', subscription_details: { subscription: subscriptionId, metadata } },
          },
        },
      });
      const signature = new Stripe('sk_test_signer').webhooks.generateTestHeaderString({ payload, secret: 'whsec_test' });
      const delivered = await stripeProxy.fetch('/webhooks/stripe', { method: 'POST', headers: { 'Stripe-Signature': signature }, body: payload });
      expect(delivered.status).toBe(200);

      await waitFor(() => expect(form()).toHaveAttribute('data-state', 'succeeded'), { timeout: 10_000 });
      expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ status: 'active', plan: expect.objectContaining({ id: 'plan_pro' }) }));
      expect(onError).not.toHaveBeenCalled();
    } finally {
      cleanup();
      await stripeProxy.close();
      await stripeApi.close();
    }
  });

  it("shows Stripe's decline message in place", async () => {
    const stripeApi = await startFakeStripeApi();
    const stripeProxy = await startTestProxy({
      processor: createStripeProcessor({
        secretKey: 'sk_test_billkit',
        publishableKey: 'pk_test_billkit',
        config: { host: stripeApi.host, port: stripeApi.port, protocol: 'http', maxNetworkRetries: 0 },
      }),
    });
    try {
      const token = await stripeProxy.tokenFor('user_stripe_declined');
      const { stripe } = createFakeStripe({ error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' } });
      const onError = vi.fn();
      render(
        <BillingProvider baseUrl={stripeProxy.baseUrl} getToken={() => token} fetch={stripeProxy.fetch} locale="en-US">
          <CheckoutForm priceId="price_pro_monthly" stripe={stripeIntegration({ stripe })} onError={onError} />
        </BillingProvider>,
      );
      await screen.findByTestId('fake-payment-element', {}, { timeout: 10_000 });
      await userEvent.click(screen.getByRole('button', { name: 'Pay $29.00' }));
      expect(await screen.findByRole('alert')).toHaveTextContent('Your card was declined.');
      expect(form()).toHaveAttribute('data-state', 'error');
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'generic_decline' }));
    } finally {
      cleanup();
      await stripeProxy.close();
      await stripeApi.close();
    }
  });
});

describe('<CheckoutForm/> on the Stripe processor without the billkit/stripe opt-in', () => {
  async function stripeProxyFor(subject: string) {
    const stripeApi = await startFakeStripeApi();
    const stripeProxy = await startTestProxy({
      processor: createStripeProcessor({
        secretKey: 'sk_test_billkit',
        publishableKey: 'pk_test_billkit',
        config: { host: stripeApi.host, port: stripeApi.port, protocol: 'http', maxNetworkRetries: 0 },
      }),
    });
    const token = await stripeProxy.tokenFor(subject);
    return {
      stripeProxy,
      token,
      close: async () => {
        cleanup();
        await stripeProxy.close();
        await stripeApi.close();
      },
    };
  }

  it('shows an error naming the packages and the prop to pass, and reports it to onError', async () => {
    const { stripeProxy, token, close } = await stripeProxyFor('user_stripe_no_optin');
    try {
      const before = { ...stripeModules };
      const onError = vi.fn();
      render(
        <BillingProvider baseUrl={stripeProxy.baseUrl} getToken={() => token} fetch={stripeProxy.fetch} locale="en-US">
          <CheckoutForm priceId="price_pro_monthly" onError={onError} />
        </BillingProvider>,
      );
      const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
      expect(alert).toHaveTextContent("pass stripe={stripeIntegration()} from 'billkit/stripe'");
      expect(alert).toHaveTextContent('@stripe/react-stripe-js');
      expect(form()).toHaveAttribute('data-state', 'error');
      expect(form()).toHaveAttribute('data-processor', 'stripe');
      expect(onError).toHaveBeenCalledTimes(1);
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'stripe_not_configured' }));
      // No payment form, and nothing from Stripe was loaded.
      expect(screen.queryByRole('button', { name: /Pay/ })).toBeNull();
      expect(stripeModules).toEqual(before);
    } finally {
      await close();
    }
  });

  it('takes the opt-in from <BillingProvider stripe>, for every form below it', async () => {
    const { stripeProxy, token, close } = await stripeProxyFor('user_stripe_provider_optin');
    try {
      const { stripe, calls } = createFakeStripe();
      render(
        <BillingProvider baseUrl={stripeProxy.baseUrl} getToken={() => token} fetch={stripeProxy.fetch} locale="en-US" stripe={stripeIntegration({ stripe })}>
          <CheckoutForm priceId="price_pro_monthly" />
        </BillingProvider>,
      );
      expect(await screen.findByTestId('fake-payment-element', {}, { timeout: 10_000 })).toBeInTheDocument();
      expect((calls.elements[0] as { clientSecret: string }).clientSecret).toMatch(/^pi_\w+_secret_\w+$/);
      expect(form()).toHaveAttribute('data-state', 'idle');
    } finally {
      await close();
    }
  });
});

describe('stripeAppearance', () => {
  it('maps the computed --billkit-* tokens onto Stripe Elements variables (dark tokens → night theme)', () => {
    const host = document.createElement('div');
    host.style.setProperty('--billkit-primary', '#5b5bd6');
    host.style.setProperty('--billkit-background', '#0b0b10');
    host.style.setProperty('--billkit-foreground', '#f3f4f8');
    host.style.setProperty('--billkit-danger', '#f87171');
    host.style.setProperty('--billkit-radius', '0.75rem');
    host.style.setProperty('--billkit-input', '#343745');
    host.style.colorScheme = 'dark';
    document.body.append(host);
    try {
      expect(stripeAppearance(host)).toMatchObject({
        theme: 'night',
        variables: { colorPrimary: '#5b5bd6', colorBackground: '#0b0b10', colorText: '#f3f4f8', colorDanger: '#f87171', borderRadius: '12px' },
        rules: { '.Input': { borderColor: '#343745' } },
      });
    } finally {
      host.remove();
    }
  });
});
