import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { InvoiceList } from '../src/components/InvoiceList';
import { planChange } from '../src/components/PlanChangeDialog';
import { PricingTable } from '../src/components/PricingTable';
import { SubscriptionCard } from '../src/components/SubscriptionCard';
import { PayInvoiceButton, SubscriptionPaymentDetails } from '../src/components/SubscriptionPaymentDetails';
import { billkit, errorHandler, loadingHandler, withMaxWidth } from './storyHelpers';

/**
 * The self-serve opt-ins inside the existing components: the card on file,
 * a pending plan change and the past-due recovery in `<SubscriptionCard/>`, the plan
 * change actions of `<PricingTable/>`, and "Pay" on open invoices in `<InvoiceList/>`.
 */
const meta = {
  title: 'Components/SubscriptionPaymentDetails',
  component: SubscriptionCard,
  args: { paymentDetails: SubscriptionPaymentDetails, onUpgrade: fn() },
  decorators: [withMaxWidth(560)],
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
  decorators: [withMaxWidth(1100)],
  parameters: { billkit: { subject: 'user_pro' } },
};

/** `<InvoiceList payButton={PayInvoiceButton}/>`: "Pay" on the open invoice. */
export const InvoiceListWithPay: Story = {
  render: () => <InvoiceList payButton={PayInvoiceButton} />,
  decorators: [withMaxWidth(900)],
  parameters: { billkit: { subject: 'user_past_due' } },
};

/** Types one of Stripe's test cards into the card form inside the open dialog and submits it. */
async function saveCardInDialog(card: string, submit: RegExp) {
  const dialog = within(await within(document.body).findByRole('dialog', {}, { timeout: 15_000 }));
  await userEvent.type(await dialog.findByLabelText('Card number', {}, { timeout: 15_000 }), card);
  await userEvent.type(dialog.getByLabelText('Expiration date'), '1234');
  await userEvent.type(dialog.getByLabelText('Security code'), '123');
  await userEvent.type(dialog.getByLabelText('Postal code'), '10115');
  await userEvent.click(dialog.getByRole('button', { name: submit }));
}

const recoveryState = () => document.querySelector('[data-billkit-part="recovery"]')?.getAttribute('data-state');

/** Opens the past-due recovery dialog ("Fix your payment"). */
async function openRecovery(canvasElement: HTMLElement) {
  await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Fix your payment' }, { timeout: 15_000 }));
  await waitFor(() => expect(recoveryState()).toBe('card'), { timeout: 10_000 });
}

/** The recovery dialog open: the new card form, "Pay $9.00" for the open invoice. */
export const RecoveryUpdateCard: Story = {
  parameters: { billkit: { subject: 'user_past_due' } },
  play: async ({ canvasElement }) => {
    await openRecovery(canvasElement);
    await expect(within(document.body).getByRole('button', { name: 'Pay $9.00' })).toBeInTheDocument();
  },
};

/**
 * 4000 0000 0000 0341 attaches, then the open invoice's charge on it is declined: the
 * processor's message above the form, which stays ready for another card.
 */
export const RecoveryDeclined: Story = {
  parameters: { billkit: { subject: 'user_past_due' } },
  play: async ({ canvasElement }) => {
    await openRecovery(canvasElement);
    await saveCardInDialog('4000000000000341', /^Pay \$9\.00$/);
    await waitFor(() => expect(recoveryState()).toBe('declined'), { timeout: 15_000 });
    await expect(await within(document.body).findByText('Your card was declined.')).toBeInTheDocument();
  },
};

/** 4242 attaches and pays the open invoice: "Paid. Your subscription is active again." and the card turns active. */
export const RecoveryPaid: Story = {
  parameters: { billkit: { subject: 'user_past_due' } },
  play: async ({ canvasElement }) => {
    await openRecovery(canvasElement);
    await saveCardInDialog('4242424242424242', /^Pay \$9\.00$/);
    await waitFor(() => expect(recoveryState()).toBe('paid'), { timeout: 15_000 });
    await waitFor(
      () => expect(canvasElement.querySelector('[data-billkit-component="subscription-card"]')?.getAttribute('data-status')).toBe('active'),
      { timeout: 15_000 },
    );
  },
};
