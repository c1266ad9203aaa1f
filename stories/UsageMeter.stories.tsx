import type { Meta, StoryObj } from '@storybook/react-vite';
import { UsageMeter } from '../src/components/UsageMeter';
import { billkit, errorHandler, loadingHandler, withMaxWidth } from './storyHelpers';

/** `<UsageMeter/>` on the in-browser reference proxy's usage records. */
const meta = {
  title: 'Components/UsageMeter',
  component: UsageMeter,
  args: { metric: 'api_calls' },
  decorators: [withMaxWidth(400)],
} satisfies Meta<typeof UsageMeter>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `user_trial` (Starter, 2,000 calls): 312 used. */
export const Normal: Story = { parameters: { billkit: { subject: 'user_trial' } } };

/** `user_pro`: 8,423 of 10,000, past the 80% warning threshold. */
export const NearLimit: Story = { parameters: { billkit: { subject: 'user_pro' } } };

/** `user_trial` after 2,100 more calls are recorded through the proxy: 2,412 of 2,000. */
export const OverLimit: Story = {
  parameters: {
    billkit: billkit({
      subject: 'user_trial',
      setup: async (proxy) => {
        await proxy.request('/usage', { method: 'POST', body: { metric: 'api_calls', quantity: 2100 } });
      },
    }),
  },
};

/**
 * `user_metered` (Pro monthly, 10,000 calls included, then $2.00 per 1,000): 23,500 calls,
 * 13,500 of them billable, the cost so far and the projection to the period end. Past the
 * limit of a price that bills it: primary, not danger; the bar marks the included units.
 */
export const Metered: Story = { parameters: { billkit: { subject: 'user_metered' } } };

/** The same meter in a 375 px phone's column (343 px inside its margins): the texts wrap. */
export const MeteredNarrow: Story = {
  decorators: [withMaxWidth(343)],
  parameters: { billkit: { subject: 'user_metered' } },
};

/** A metric without a cap on the plan: `limit: null`. */
export const Unlimited: Story = {
  args: { metric: 'storage_gb', label: 'Storage (GB)' },
  parameters: {
    billkit: billkit({
      subject: 'user_pro',
      setup: async (proxy) => {
        await proxy.request('/usage', { method: 'POST', body: { metric: 'storage_gb', quantity: 37 } });
      },
    }),
  },
};

export const Loading: Story = {
  parameters: { billkit: { subject: 'user_pro', handlers: [loadingHandler('/usage')], readyWithoutData: true } },
};

export const Error: Story = {
  parameters: { billkit: { subject: 'user_pro', handlers: [errorHandler('/usage')] } },
};
