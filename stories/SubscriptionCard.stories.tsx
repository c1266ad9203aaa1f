import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { SubscriptionCard } from '../src/components/SubscriptionCard';
import { billkit, errorHandler, loadingHandler, subscribeInStory, withMaxWidth } from './storyHelpers';

/**
 * `<SubscriptionCard/>` for each demo subject of the in-browser reference proxy. Cancel
 * and Resume really go through the proxy (the next story starts from a fresh seed).
 */
const meta = {
  title: 'Components/SubscriptionCard',
  component: SubscriptionCard,
  args: { onUpgrade: fn(), onUpdatePayment: fn() },
  decorators: [withMaxWidth(560)],
} satisfies Meta<typeof SubscriptionCard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No subscription: the free plan and a way to the plans. */
export const None: Story = { parameters: { billkit: { subject: 'user_free' } } };

export const Active: Story = { parameters: { billkit: { subject: 'user_pro' } } };

export const Trialing: Story = { parameters: { billkit: { subject: 'user_trial' } } };

/** The last payment failed: a warning and "Update payment method". */
export const PastDue: Story = { parameters: { billkit: { subject: 'user_past_due' } } };

/**
 * A 14-day trial with SAVE20, 11 days in (the in-browser proxy's clock moved forward): the
 * notice counts down and says what the trial's end will charge.
 */
export const TrialEndingSoon: Story = {
  parameters: {
    billkit: billkit({
      subject: 'user_free',
      setup: async (proxy) => {
        await subscribeInStory(proxy, { trial_days: 14, promotion_code: 'SAVE20' });
        await proxy.advanceClock(11);
      },
    }),
  },
};

/**
 * A trial on card 4000 0000 0000 0341 reaching its end: the charge is declined, the
 * subscription is past_due and the notice names the amount and the next retry.
 */
export const PastDueAfterFailedRenewal: Story = {
  parameters: {
    billkit: billkit({
      subject: 'user_free',
      setup: async (proxy) => {
        await subscribeInStory(proxy, { trial_days: 7, card: '4000000000000341' });
        await proxy.advanceClock(7);
      },
    }),
  },
};

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
