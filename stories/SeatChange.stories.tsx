import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { SeatChange, type SeatChangeProps } from '../src/components/SeatChange';
import { SubscriptionCard } from '../src/components/SubscriptionCard';
import { SubscriptionPaymentDetails } from '../src/components/SubscriptionPaymentDetails';
import { billkit, errorHandler, loadingHandler, withMaxWidth } from './storyHelpers';

/**
 * `<SubscriptionCard seatChange={SeatChange}/>` for `user_team` (Team monthly, 5 seats at
 * $12) on the in-browser reference proxy: the preview and the change are the proxy's own.
 */
const meta = {
  title: 'Components/SeatChange',
  component: SubscriptionCard,
  args: { seatChange: SeatChange, paymentDetails: SubscriptionPaymentDetails },
  decorators: [withMaxWidth(560)],
  parameters: { billkit: { subject: 'user_team' } },
} satisfies Meta<typeof SubscriptionCard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The dialog open at first render, its stepper at `quantity`. */
const openAt = (quantity: number) => (props: SeatChangeProps) => <SeatChange {...props} defaultOpen defaultQuantity={quantity} />;
const dialogState = () => document.querySelector('[data-billkit-part="seat-change-dialog"]')?.getAttribute('data-state');

/** "5 seats · $60.00 / month" and the Change seats button. */
export const TeamCard: Story = {};

/** 5 → 8: charged today, prorated ("Pay $X and add 3 seats"). */
export const Increase: Story = {
  args: { seatChange: openAt(8) },
  play: async () => {
    await waitFor(() => expect(dialogState()).toBe('ready'), { timeout: 10_000 });
  },
};

/** 5 → 3: at the period end, nothing refunded. */
export const Decrease: Story = {
  args: { seatChange: openAt(3) },
  play: async () => {
    await waitFor(() => expect(dialogState()).toBe('ready'), { timeout: 10_000 });
  },
};

/** The current quantity: nothing to preview, Confirm disabled. */
export const SameQuantity: Story = { args: { seatChange: openAt(5) } };

/** A decrease decided: the card says "Changes to 3 seats on …" with "Keep 5 seats". */
export const PendingDecrease: Story = {
  parameters: {
    billkit: billkit({
      subject: 'user_team',
      setup: async (proxy) => {
        await proxy.request('/subscription/change', { method: 'POST', body: { quantity: 3 } });
      },
    }),
  },
};

export const PreviewLoading: Story = {
  args: { seatChange: openAt(8) },
  parameters: { billkit: { subject: 'user_team', handlers: [loadingHandler('/subscription/preview')], readyWithoutData: true } },
};

export const PreviewError: Story = {
  args: { seatChange: openAt(8) },
  parameters: { billkit: { subject: 'user_team', handlers: [errorHandler('/subscription/preview')] } },
};
