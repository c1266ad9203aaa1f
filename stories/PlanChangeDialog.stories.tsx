import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { PlanChangeDialog } from '../src/components/PlanChangeDialog';
import type { Plan, Price } from '../src/contract/types';
import { errorHandler, loadingHandler } from './storyHelpers';

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
