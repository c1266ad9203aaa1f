import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { PricingTable } from '../src/components/PricingTable';
import { seatStepper } from '../src/components/PricingTable/seatStepperOptIn';
import {
  errorHandler,
  loadingHandler,
  manyPlansCatalog,
  monthlyOnlyCatalog,
  singlePlanCatalog,
  withMaxWidth,
  yenCatalog,
} from './storyHelpers';

/**
 * `<PricingTable/>` against the in-browser reference proxy. Stories pass `onSelect` (an
 * action) because the hosted checkout page is a navigation the service worker cannot serve.
 */
const meta = {
  title: 'Components/PricingTable',
  component: PricingTable,
  args: { onSelect: fn() },
  decorators: [withMaxWidth(1120, { margin: '0 auto', padding: '1rem 0' })],
  parameters: { billkit: { subject: 'user_free' } },
} satisfies Meta<typeof PricingTable>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The demo catalogue for a user without a subscription: Starter, Pro (its usage tiers
 * listed under the price) and Team (per seat: "$12.00 per seat / month"). Three columns
 * at desktop widths, one under another on a phone.
 */
export const Default: Story = {};

/**
 * `seats={seatStepper}`: the per-seat Team card has a seat stepper (− / count / +, 1 to
 * 500) and its total; choosing Team hands the count to `onSelect` (or the hosted checkout).
 */
export const SeatStepper: Story = {
  args: { seats: seatStepper },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const more = await canvas.findByRole('button', { name: 'Add a seat' }, { timeout: 15_000 });
    for (let i = 0; i < 4; i++) await userEvent.click(more);
    await expect(canvas.getByRole('spinbutton', { name: 'Seats' })).toHaveValue(5);
  },
};

/** Billed yearly: the "Yearly billing" switch on, yearly prices with their monthly equivalent. */
export const Yearly: Story = {
  args: { defaultInterval: 'year' },
};

/** Plans still loading: skeleton cards. */
export const Loading: Story = {
  parameters: { billkit: { handlers: [loadingHandler('/plans')], readyWithoutData: true } },
};

/** The proxy lists no plans. */
export const Empty: Story = {
  parameters: { billkit: { catalog: [] } },
};

/** `GET /plans` fails (503): the error with a retry. */
export const Error: Story = {
  parameters: { billkit: { handlers: [errorHandler('/plans')] } },
};

/** `trials`: `user_free` never had a trial, so each plan offers its 14-day trial (a hosted checkout would ask for it). */
export const Trials: Story = { args: { trials: true } };

/** `user_pro` is on Pro monthly: the card says so and its button is disabled. */
export const CurrentPlan: Story = {
  parameters: { billkit: { subject: 'user_pro' } },
};

/** A catalogue of one plan. */
export const SinglePlan: Story = {
  parameters: { billkit: { catalog: singlePlanCatalog } },
};

/** Monthly prices only: no interval toggle. */
export const NoAnnualPrices: Story = {
  parameters: { billkit: { catalog: monthlyOnlyCatalog } },
};

/** Yen, a zero-decimal currency: `amount: 980` is ¥980, not ¥9.80. */
export const ZeroDecimalCurrency: Story = {
  parameters: { billkit: { catalog: yenCatalog } },
};

/** Four plans with different yearly savings ("Save up to 25%"), shown yearly. */
export const ManyPlans: Story = {
  args: { defaultInterval: 'year' },
  parameters: { billkit: { catalog: manyPlansCatalog } },
};
