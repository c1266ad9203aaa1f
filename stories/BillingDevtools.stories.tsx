import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { InvoiceList } from '../src/components/InvoiceList';
import { SubscriptionCard } from '../src/components/SubscriptionCard';
import { BillingDevtools } from '../src/devtools';
import { billkit } from './storyHelpers';

/**
 * `<BillingDevtools/>` (billkit/devtools) on a small billing page, driving the in-browser
 * reference proxy in dev mode: its clock, the billed subject, the card on file, the
 * webhook events and the React Query cache.
 */
const meta = {
  title: 'Devtools/BillingDevtools',
  component: BillingDevtools,
  args: { initialOpen: true },
  render: (args) => (
    <div style={{ display: 'grid', gap: 24, maxWidth: 640, paddingBottom: 480 }}>
      <SubscriptionCard />
      <InvoiceList />
      <BillingDevtools {...args} />
    </div>
  ),
} satisfies Meta<typeof BillingDevtools>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Open on a trialing subscription: the Clock section, with "To trial end" ready. */
export const Trialing: Story = { parameters: { billkit: billkit({ subject: 'user_trial' }) } };

/**
 * The trial ends: the story presses "To trial end", the proxy runs the trial's end (the
 * first charge on the card on file), and the page shows the subscription active with the
 * new paid invoice, the panel the events that fired.
 */
export const TrialEnding: Story = {
  parameters: { billkit: billkit({ subject: 'user_trial' }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const card = () => canvasElement.querySelector('[data-billkit-component="subscription-card"]');
    await waitFor(() => expect(card()?.getAttribute('data-status')).toBe('trialing'), { timeout: 10_000 });
    await userEvent.click(await canvas.findByRole('button', { name: 'To trial end' }));
    await waitFor(() => expect(card()?.getAttribute('data-status')).toBe('active'), { timeout: 10_000 });
    await canvas.findByRole('list', { name: 'Events fired' });
  },
};

/** The proxy is not in dev mode (`/api/dev/*` answers 404): the panel says so and offers nothing. */
export const NotDevMode: Story = {
  parameters: {
    billkit: billkit({
      subject: 'user_pro',
      handlers: [
        http.all('*/api/dev/*', () => HttpResponse.json({ error: { code: 'not_found', message: 'No route.' } }, { status: 404 })),
      ],
    }),
  },
};

/** Closed: only the toggle button in its corner. */
export const Closed: Story = { args: { initialOpen: false }, parameters: { billkit: billkit({ subject: 'user_pro' }) } };
