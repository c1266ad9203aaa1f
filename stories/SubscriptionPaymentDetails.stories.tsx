import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { InvoiceList } from '../src/components/InvoiceList';
import { planChange } from '../src/components/PlanChangeDialog';
import { PricingTable } from '../src/components/PricingTable';
import { SubscriptionCard } from '../src/components/SubscriptionCard';
import { PayInvoiceButton, SubscriptionPaymentDetails } from '../src/components/SubscriptionPaymentDetails';
import { billkit, errorHandler, loadingHandler } from './storyHelpers';

/**
 * The self-serve opt-ins of issue 13 inside the existing components: the card on file,
 * a pending plan change and the past-due recovery in `<SubscriptionCard/>`, the plan
 * change actions of `<PricingTable/>`, and "Pay" on open invoices in `<InvoiceList/>`.
 */
const meta = {
  title: 'Components/SubscriptionPaymentDetails',
  component: SubscriptionCard,
  args: { paymentDetails: SubscriptionPaymentDetails, onUpgrade: fn() },
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

/** "Visa •••• 4242, expires …" with Update. */
export const CardOnFile: Story = { parameters: { billkit: { subject: 'user_pro' } } };

/** A downgrade waiting for the period end: "Switches to Starter on …" + "Keep Pro". */
export const PendingChange: Story = {
  parameters: {
    billkit: billkit({
      subject: 'user_pro',
      setup: async (proxy) => {
        await proxy.request('/subscription/change', { method: 'POST', body: { price_id: 'price_starter_monthly' } });
      },
    }),
  },
};

/** Past due: "Fix your payment" opens the one-dialog recovery (new card + pay the open invoice). */
export const PastDueRecovery: Story = { parameters: { billkit: { subject: 'user_past_due' } } };

export const Incomplete: Story = { parameters: { billkit: { subject: 'user_incomplete' } } };

/** The app's own `onUpdatePayment` overrides the built-in recovery. */
export const PastDueWithOverride: Story = {
  args: { onUpdatePayment: fn() },
  parameters: { billkit: { subject: 'user_past_due' } },
};

export const CardLoading: Story = {
  parameters: { billkit: { subject: 'user_pro', handlers: [loadingHandler('/payment-method')] } },
};

export const CardError: Story = {
  parameters: { billkit: { subject: 'user_pro', handlers: [errorHandler('/payment-method')] } },
};

/** `<PricingTable planChange={planChange}/>` for a subscriber: Current plan, Downgrade, Switch to yearly. */
export const PricingTableForSubscriber: Story = {
  render: () => <PricingTable planChange={planChange} />,
  decorators: [(Story) => <div style={{ maxWidth: 1100 }}><Story /></div>],
  parameters: { billkit: { subject: 'user_pro' } },
};

/** `<InvoiceList payButton={PayInvoiceButton}/>`: "Pay" on the open invoice. */
export const InvoiceListWithPay: Story = {
  render: () => <InvoiceList payButton={PayInvoiceButton} />,
  decorators: [(Story) => <div style={{ maxWidth: 900 }}><Story /></div>],
  parameters: { billkit: { subject: 'user_past_due' } },
};
