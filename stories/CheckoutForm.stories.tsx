import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http, HttpResponse } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { CheckoutForm } from '../src/components/CheckoutForm';
import { stripeIntegration } from '../src/stripe';
import { createFakeStripe } from './fakeStripe';
import { billkit, errorHandler, withMaxWidth } from './storyHelpers';

/**
 * `<CheckoutForm/>` against the in-browser reference proxy and its test processor: each
 * story creates a real embedded session for `user_free`. States reached by paying use a
 * `play` function that types one of Stripe's test cards.
 */
const meta = {
  title: 'Components/CheckoutForm',
  component: CheckoutForm,
  args: { priceId: 'price_pro_monthly', onSuccess: fn(), onError: fn() },
  parameters: { billkit: { subject: 'user_free' } },
  decorators: [withMaxWidth(480)],
} satisfies Meta<typeof CheckoutForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Fills the card fields once the session's summary is shown. */
async function payWith(canvasElement: HTMLElement, card: string) {
  const canvas = within(canvasElement);
  const number = await canvas.findByLabelText('Card number', {}, { timeout: 15_000 });
  await userEvent.type(number, card);
  await userEvent.type(canvas.getByLabelText('Expiration date'), '1234');
  await userEvent.type(canvas.getByLabelText('Security code'), '123');
  await userEvent.type(canvas.getByLabelText('Postal code'), '10115');
  await userEvent.click(canvas.getByRole('button', { name: /^(Pay|Start trial)/ }));
}

const state = (canvasElement: HTMLElement) =>
  canvasElement.querySelector('[data-billkit-component="checkout-form"]')?.getAttribute('data-state');

/** Ready to pay: plan, price, promotion field, card fields, "Pay $29.00". */
export const Idle: Story = {};

/** Team, per seat, at 5 seats (`quantity={5}`): "Team × 5 seats, $12.00 each", $60.00 due today. */
export const Seats: Story = { args: { priceId: 'price_team_monthly', quantity: 5 } };

/** SAVE20 applied through the `promotionCode` prop: 20% off, $23.20 due today. */
export const PromoApplied: Story = { args: { promotionCode: 'SAVE20' } };

/** An amount-off code (TENOFF, $10.00 off once). */
export const AmountOff: Story = { args: { promotionCode: 'TENOFF' } };

/** A 14-day trial: nothing due today, "Start trial". */
export const Trial: Story = { args: { trialDays: 14 } };

/** An expired code typed by the user: the server's message under the field. */
export const PromoRejected: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByLabelText('Promotion code', {}, { timeout: 15_000 }), 'EXPIRED20');
    await userEvent.click(canvas.getByRole('button', { name: 'Apply' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('has expired');
  },
};

/** The confirm request is in flight: submit disabled with a spinner. */
export const Paying: Story = {
  parameters: {
    billkit: {
      subject: 'user_free',
      handlers: [
        http.post('*/api/proxy/billing/checkout/:sessionId/confirm', async () => {
          await delay('infinite');
          return new HttpResponse(null, { status: 204 });
        }),
      ],
      readyWithoutData: true,
    },
  },
  play: async ({ canvasElement }) => {
    await payWith(canvasElement, '4242424242424242');
    await waitFor(() => expect(state(canvasElement)).toBe('paying'));
  },
};

/** 4000 0000 0000 0002: the processor's "Your card was declined." in place. */
export const Declined: Story = {
  play: async ({ canvasElement }) => {
    await payWith(canvasElement, '4000000000000002');
    await expect(await within(canvasElement).findByText('Your card was declined.')).toBeInTheDocument();
  },
};

/** 4000 0000 0000 9995: insufficient funds. */
export const InsufficientFunds: Story = {
  play: async ({ canvasElement }) => {
    await payWith(canvasElement, '4000000000009995');
    await expect(await within(canvasElement).findByText('Your card has insufficient funds.')).toBeInTheDocument();
  },
};

/** 4000 0025 0000 3155: the bank asks for authentication (the 3-D Secure stand-in dialog). */
export const ThreeDSecure: Story = {
  play: async ({ canvasElement }) => {
    await payWith(canvasElement, '4000002500003155');
    await waitFor(() => expect(state(canvasElement)).toBe('requires_action'), { timeout: 10_000 });
    await expect(await within(document.body).findByRole('dialog', { name: 'Confirm your payment' })).toBeInTheDocument();
  },
};

/** Paid with 4242: the success state ("You're subscribed to Pro."). */
export const Success: Story = {
  play: async ({ canvasElement }) => {
    await payWith(canvasElement, '4242424242424242');
    await waitFor(() => expect(state(canvasElement)).toBe('succeeded'), { timeout: 10_000 });
  },
};

/** The session cannot be created: the error state with a retry. */
export const Error: Story = {
  parameters: { billkit: { subject: 'user_free', handlers: [errorHandler('/checkout')] } },
};

const fakeStripe = createFakeStripe();
let stripeSession: Record<string, unknown> | undefined;

/**
 * The Stripe path: the proxy answers `processor: "stripe"` (here: a real embedded session
 * of the in-browser proxy, relabelled, since Storybook runs the test processor), and the
 * form renders Stripe's `<Elements>` + `<PaymentElement>` with an injected stand-in for
 * Stripe.js (Stripe's own iframe needs its network). `@stripe/*` load only in this story.
 */
export const Stripe: Story = {
  args: { stripe: stripeIntegration({ stripe: fakeStripe.stripe }) },
  parameters: {
    billkit: billkit({
      subject: 'user_free',
      setup: async (proxy) => {
        const response = await proxy.request('/checkout', {
          method: 'POST',
          body: {
            price_id: 'price_pro_monthly',
            success_url: window.location.href,
            cancel_url: window.location.href,
            ui_mode: 'embedded',
          },
        });
        stripeSession = (await response.json()) as Record<string, unknown>;
      },
      handlers: [
        http.post('*/api/proxy/billing/checkout', () =>
          HttpResponse.json({
            ...stripeSession,
            processor: 'stripe',
            publishable_key: 'pk_test_storybook',
            client_secret: 'pi_storybook_secret_test',
          }),
        ),
      ],
    }),
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByTestId('fake-payment-element', {}, { timeout: 15_000 })).toBeInTheDocument();
  },
};
