import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { CheckoutReturn } from '../src/components/CheckoutReturn';
import { billkit, withMaxWidth } from './storyHelpers';

let paidSessionId = '';

/**
 * `<CheckoutReturn/>`, the page a hosted checkout returns to, against the in-browser
 * proxy: the success story pays a hosted checkout for `org_acme` first (through the
 * proxy's own checkout form) and activates it, as the return page of an app does.
 */
const meta = {
  title: 'Components/CheckoutReturn',
  component: CheckoutReturn,
  args: { onDone: fn(), continueHref: '#billing' },
  decorators: [withMaxWidth(480)],
} satisfies Meta<typeof CheckoutReturn>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Activation of a paid org checkout: "You're subscribed to Pro". */
export const Success: Story = {
  parameters: {
    billkit: billkit({
      subject: 'org_acme',
      setup: async (proxy) => {
        const created = await proxy.request('/checkout', {
          method: 'POST',
          body: { price_id: 'price_pro_monthly', success_url: window.location.href, cancel_url: window.location.href, ui_mode: 'embedded' },
        });
        const session = (await created.json()) as { session_id: string; client_secret: string };
        const paid = await proxy.request(`/checkout/${encodeURIComponent(session.session_id)}/confirm`, {
          method: 'POST',
          body: { client_secret: session.client_secret, card: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' } },
        });
        if (!paid.ok) throw new Error(`paying the story's checkout failed: ${paid.status}`);
        paidSessionId = session.session_id;
      },
    }),
  },
  render: (args) => <CheckoutReturn {...args} sessionId={paidSessionId} activate />,
};

/** A forged (or expired, or foreign) session id: "This checkout link is invalid or has expired". */
export const Invalid: Story = {
  args: { sessionId: 'sess_forgedforgedforged.1999999999.' + '0'.repeat(64), activate: true },
  parameters: { billkit: { subject: 'org_acme' } },
};

/** Opened without `?session_id=`. */
export const Missing: Story = { args: { sessionId: null } };
