import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { SubscriptionCard } from '../src/components/SubscriptionCard';
import { errorHandler, loadingHandler } from './storyHelpers';

/**
 * `<SubscriptionCard/>` for each demo subject of the in-browser reference proxy. Cancel
 * and Resume really go through the proxy (the next story starts from a fresh seed).
 */
const meta = {
  title: 'Components/SubscriptionCard',
  component: SubscriptionCard,
  args: { onUpgrade: fn(), onUpdatePayment: fn() },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 560 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof SubscriptionCard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No subscription: the free plan and a way to the plans. */
export const None: Story = { parameters: { billkit: { subject: 'user_free' } } };

export const Active: Story = { parameters: { billkit: { subject: 'user_pro' } } };

export const Trialing: Story = { parameters: { billkit: { subject: 'user_trial' } } };

/** The last payment failed: a warning and "Update payment method". */
export const PastDue: Story = { parameters: { billkit: { subject: 'user_past_due' } } };

export const Canceled: Story = { parameters: { billkit: { subject: 'user_canceled' } } };

export const Paused: Story = { parameters: { billkit: { subject: 'user_paused' } } };

export const Incomplete: Story = { parameters: { billkit: { subject: 'user_incomplete' } } };

/** Set to cancel at the end of the period: the notice and Resume. */
export const Canceling: Story = { parameters: { billkit: { subject: 'user_canceling' } } };

export const Loading: Story = {
  parameters: { billkit: { subject: 'user_pro', handlers: [loadingHandler('/subscription')], readyWithoutData: true } },
};

export const Error: Story = {
  parameters: { billkit: { subject: 'user_pro', handlers: [errorHandler('/subscription')] } },
};
