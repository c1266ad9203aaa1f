import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, type ReactNode } from 'react';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PaymentMethodForm } from '../../../src/components/PaymentMethodForm';
import { BillingProvider } from '../../../src/react/BillingProvider';
import { usePaymentMethod } from '../../../src/react/usePaymentMethod';
import { createStripeProcessor } from '../../../src/server/processor/stripe';
import { stripeIntegration } from '../../../src/stripe';
import { createFakeStripe } from '../../../stories/fakeStripe';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { startFakeStripeApi, type FakeStripeApi } from '../../helpers/stripeFakeApi';

let stripeApi: FakeStripeApi;
let stripeProxy: TestProxy;
let testProxy: TestProxy;
let userCount = 0;

beforeAll(async () => {
  stripeApi = await startFakeStripeApi();
  stripeProxy = await startTestProxy({
    processor: createStripeProcessor({
      secretKey: 'sk_test_billkit',
      publishableKey: 'pk_test_billkit',
      config: { host: stripeApi.host, port: stripeApi.port, protocol: 'http', maxNetworkRetries: 0 },
    }),
  });
  testProxy = await startTestProxy();
}, 60_000);
afterEach(() => cleanup());
afterAll(async () => {
  await stripeProxy?.close();
  await testProxy?.close();
  await stripeApi?.close();
});

/** The card on file as the app's cache holds it (no refetch: staleness is the point). */
function CardOnFile(): ReactNode {
  const { data } = usePaymentMethod();
  return <p data-testid="card-on-file">{data === undefined ? 'loading' : data ? `${data.brand} ${data.last4}` : 'none'}</p>;
}

async function renderOn(proxy: TestProxy, ui: ReactNode, options: { provider?: Partial<Parameters<typeof BillingProvider>[0]> } = {}) {
  const token = await proxy.tokenFor(`user_pm_form_${++userCount}`);
  const requests: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), proxy.origin), init);
    requests.push(`${request.method} ${new URL(request.url).pathname.replace(/seti_\w+/, ':id')}`);
    return proxy.fetch(request);
  }) as typeof globalThis.fetch;
  const view = render(
    <BillingProvider baseUrl={proxy.baseUrl} getToken={() => token} fetch={fetch} locale="en-US" {...options.provider}>
      {ui}
    </BillingProvider>,
  );
  return { ...view, requests, user: userEvent.setup() };
}

const form = () => document.querySelector<HTMLElement>('[data-billkit-component="payment-method-form"]')!;

describe('<PaymentMethodForm/> on the Stripe processor', () => {
  it('confirms the SetupIntent with the PaymentElement, then the proxy records the card and the cache shows it', async () => {
    const { stripe, calls } = createFakeStripe();
    // What Stripe.js does at Stripe when the PaymentElement is confirmed: the SetupIntent takes the card.
    const confirmSetup = stripe.confirmSetup.bind(stripe);
    const stripeServer = new Stripe('sk_test_browser', { host: stripeApi.host, port: stripeApi.port, protocol: 'http' });
    stripe.confirmSetup = (async (options: Parameters<typeof confirmSetup>[0]) => {
      const secret = (calls.elements[0] as { clientSecret: string }).clientSecret;
      await stripeServer.setupIntents.confirm(secret.split('_secret_')[0]!, { payment_method: 'pm_card_visa' });
      return confirmSetup(options);
    }) as typeof stripe.confirmSetup;
    const onSaved = vi.fn();
    const { user, requests } = await renderOn(
      stripeProxy,
      <>
        <CardOnFile />
        <PaymentMethodForm onSaved={onSaved} />
      </>,
      { provider: { stripe: stripeIntegration({ stripe }) } },
    );
    // The opt-in is there: no card fields flash while the setup is made.
    expect(form()).toHaveAttribute('data-state', 'loading');
    expect(screen.queryByLabelText('Card number')).not.toBeInTheDocument();

    expect(await screen.findByTestId('fake-payment-element', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(form()).toHaveAttribute('data-processor', 'stripe');
    const options = calls.elements[0] as { clientSecret: string; appearance: { theme: string } };
    expect(options.clientSecret).toMatch(/^seti_\w+_secret_\w+$/);
    expect(options.appearance.theme).toMatch(/^(stripe|night)$/);
    await waitFor(() => expect(screen.getByTestId('card-on-file')).toHaveTextContent('none'));

    await user.click(screen.getByRole('button', { name: 'Save card' }));
    await waitFor(() => expect(form()).toHaveAttribute('data-state', 'saved'), { timeout: 10_000 });
    expect(calls.confirmSetup).toHaveLength(1);
    expect(calls.confirmPayment).toHaveLength(0);
    expect(calls.confirmSetup[0]).toMatchObject({ redirect: 'if_required', confirmParams: { return_url: window.location.href } });
    const card = { brand: 'visa', last4: '4242', exp_month: 12, exp_year: new Date().getUTCFullYear() + 3 };
    expect(onSaved).toHaveBeenCalledWith(card);
    expect(screen.getByRole('status')).toHaveTextContent('Your card was saved.');
    expect(screen.getByTestId('card-on-file')).toHaveTextContent('visa 4242');
    // One setup, one confirm without a card, and the card on file read once (then set from the answer).
    expect(requests.filter((r) => r.startsWith('POST'))).toEqual([
      'POST /api/proxy/billing/payment-method/setup',
      'POST /api/proxy/billing/payment-method/setup/:id/confirm',
    ]);
    expect(requests.filter((r) => r === 'GET /api/proxy/billing/payment-method')).toHaveLength(1);
  });

  it("shows Stripe's decline in place and calls the proxy for nothing", async () => {
    const { stripe } = createFakeStripe({ error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' } });
    const onSaved = vi.fn();
    const { user, requests } = await renderOn(stripeProxy, <PaymentMethodForm stripe={stripeIntegration({ stripe })} onSaved={onSaved} />);
    await screen.findByTestId('fake-payment-element', {}, { timeout: 10_000 });
    await user.click(screen.getByRole('button', { name: 'Save card' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Your card was declined.');
    expect(form()).toHaveAttribute('data-state', 'error');
    expect(screen.getByRole('button', { name: 'Save card' })).toBeEnabled();
    expect(requests.filter((r) => r.endsWith('/confirm'))).toHaveLength(0);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('without the billkit/stripe opt-in, says what to pass (stripe_not_configured)', async () => {
    await renderOn(stripeProxy, <PaymentMethodForm />);
    await waitFor(() => expect(form()).toHaveAttribute('data-state', 'error'), { timeout: 10_000 });
    expect(screen.getByRole('alert')).toHaveTextContent("We couldn't start the card form.");
    expect(screen.getByRole('alert')).toHaveTextContent(/pass stripe=\{stripeIntegration\(\)\} from 'billkit\/stripe' to <BillingProvider> or <PaymentMethodForm>/);
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });
});

describe('<PaymentMethodForm/> on the test processor', () => {
  it('shows the card fields at once and confirms the setup it made on mount (one, even in strict mode)', async () => {
    const onSaved = vi.fn();
    const { user, requests } = await renderOn(
      testProxy,
      <StrictMode>
        <PaymentMethodForm onSaved={onSaved} />
      </StrictMode>,
    );
    expect(screen.getByLabelText('Card number')).toBeInTheDocument();
    await waitFor(() => expect(form()).toHaveAttribute('data-processor', 'test'));
    await user.type(screen.getByLabelText('Card number'), '4242424242424242');
    await user.type(screen.getByLabelText('Expiration date'), '1234');
    await user.type(screen.getByLabelText('Security code'), '123');
    await user.type(screen.getByLabelText('Postal code'), '10115');
    await user.click(screen.getByRole('button', { name: 'Save card' }));
    await waitFor(() => expect(form()).toHaveAttribute('data-state', 'saved'), { timeout: 10_000 });
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ brand: 'visa', last4: '4242' }));
    expect(requests).toEqual(['POST /api/proxy/billing/payment-method/setup', 'POST /api/proxy/billing/payment-method/setup/:id/confirm']);
  });

  it('a setup that cannot be made shows the error with a retry', async () => {
    const { user, requests } = await renderOn(testProxy, <PaymentMethodForm />, { provider: { getToken: () => 'not-a-token' } });
    await waitFor(() => expect(form()).toHaveAttribute('data-state', 'error'), { timeout: 10_000 });
    expect(screen.getByRole('alert')).toHaveTextContent("We couldn't start the card form.");
    expect(requests).toEqual(['POST /api/proxy/billing/payment-method/setup']);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(requests).toHaveLength(2));
    await waitFor(() => expect(form()).toHaveAttribute('data-state', 'error'));
  });
});
