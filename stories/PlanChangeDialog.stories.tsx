import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { StoryProxy } from '../.storybook/browserProxy';
import { PlanChangeDialog } from '../src/components/PlanChangeDialog';
import type { Plan, Price } from '../src/contract/types';
import { billkit, errorHandler, loadingHandler } from './storyHelpers';

/**
 * `<PlanChangeDialog/>` open on the in-browser reference proxy: the preview is the
 * proxy's own (`POST /subscription/preview`), for the demo subscribers.
 */
const pro: Plan = {
  id: 'plan_pro',
  name: 'Pro',
  description: 'For growing teams that need more',
  features: ['basic_analytics', 'advanced_analytics', 'api_access', '25_seats'],
  recommended: true,
  prices: [],
} as unknown as Plan;
const starter: Plan = { ...pro, id: 'plan_starter', name: 'Starter', recommended: false } as Plan;
const proYearly = { id: 'price_pro_annual', amount: 27840, currency: 'usd', interval: 'year' } as Price;
const starterMonthly = { id: 'price_starter_monthly', amount: 900, currency: 'usd', interval: 'month' } as Price;

const meta = {
  title: 'Components/PlanChangeDialog',
  component: PlanChangeDialog,
  args: { open: true, onOpenChange: fn(), onChanged: fn(), plan: pro, price: proYearly },
} satisfies Meta<typeof PlanChangeDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Pro monthly → Pro yearly: charged now, prorated ("$X due today, then $278.40 on …"). */
export const SwitchToYearly: Story = { parameters: { billkit: { subject: 'user_pro' } } };

/** Pro → Starter: at the period end, nothing charged today. */
export const Downgrade: Story = {
  args: { plan: starter, price: starterMonthly },
  parameters: { billkit: { subject: 'user_pro' } },
};

/** A trial changes plan without a charge and keeps its end date. */
export const DuringTrial: Story = { parameters: { billkit: { subject: 'user_trial' } } };

export const Loading: Story = {
  parameters: { billkit: { subject: 'user_pro', handlers: [loadingHandler('/subscription/preview')], readyWithoutData: true } },
};

export const Error: Story = {
  parameters: { billkit: { subject: 'user_pro', handlers: [errorHandler('/subscription/preview')] } },
};

const dialogState = () => document.querySelector('[data-billkit-part="plan-change"]')?.getAttribute('data-state');

/** Puts Stripe's 4000 0000 0000 0341 on file (it attaches; every charge on it is declined). */
async function failingCardOnFile(proxy: StoryProxy) {
  const setup = (await (await proxy.request('/payment-method/setup', { method: 'POST' })).json()) as { setup_id: string; client_secret: string };
  const saved = await proxy.request(`/payment-method/setup/${setup.setup_id}/confirm`, {
    method: 'POST',
    body: { client_secret: setup.client_secret, card: { number: '4000000000000341', exp_month: 12, exp_year: 2099, cvc: '123' } },
  });
  // globalThis: this module's `Error` is a story.
  if (!saved.ok) throw new globalThis.Error(`the story's card setup failed: ${saved.status}`);
}

/** Confirms the (charged-now) switch to yearly and waits for the decline. */
async function confirmAndDecline() {
  const dialog = within(await within(document.body).findByRole('dialog', {}, { timeout: 15_000 }));
  await userEvent.click(await dialog.findByRole('button', { name: /^Pay .+ and switch$/ }, { timeout: 15_000 }));
  await waitFor(() => expect(dialogState()).toBe('declined'), { timeout: 15_000 });
  return dialog;
}

/**
 * The proration charge is declined (the card on file declines every charge): the
 * processor's message, "Update your card, then try again." and "Update payment method".
 */
export const Declined: Story = {
  parameters: { billkit: billkit({ subject: 'user_pro', setup: failingCardOnFile }) },
  play: async () => {
    const dialog = await confirmAndDecline();
    await expect(dialog.getByText('Your card was declined.')).toBeInTheDocument();
    await expect(dialog.getByRole('button', { name: 'Update payment method' })).toBeInTheDocument();
  },
};

/** After a decline, "Update payment method" shows the card form in the dialog; saving it returns to the preview. */
export const DeclinedUpdateCard: Story = {
  parameters: { billkit: billkit({ subject: 'user_pro', setup: failingCardOnFile }) },
  play: async () => {
    const dialog = await confirmAndDecline();
    await userEvent.click(dialog.getByRole('button', { name: 'Update payment method' }));
    await waitFor(() => expect(dialogState()).toBe('update_card'), { timeout: 10_000 });
    await expect(await dialog.findByLabelText('Card number', {}, { timeout: 10_000 })).toBeInTheDocument();
  },
};
