import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { InvoiceList } from '../src/components/InvoiceList';
import { InvoiceLines } from '../src/components/InvoiceList/InvoiceLines';
import { billkit, errorHandler, loadingHandler, subscribeInStory, withMaxWidth } from './storyHelpers';

/** `<InvoiceList/>` on the in-browser reference proxy; PDFs are the proxy's real ones. */
const meta = {
  title: 'Components/InvoiceList',
  component: InvoiceList,
  decorators: [withMaxWidth(880)],
} satisfies Meta<typeof InvoiceList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `user_pro`'s 14 paid invoices, 5 per page: "Load more" until the end. */
export const Default: Story = {
  args: { pageSize: 5 },
  parameters: { billkit: { subject: 'user_pro' } },
};

/** Opens the newest invoice's "Details" and waits for its lines. */
async function expandLatest({ canvasElement }: { canvasElement: HTMLElement }) {
  const canvas = within(canvasElement);
  const [details] = await canvas.findAllByRole('button', { name: /^Details of the invoice of / }, { timeout: 10_000 });
  await userEvent.click(details!);
  await expect(details).toHaveAttribute('aria-expanded', 'true');
  await canvas.findByRole('list', { name: /^Lines of the invoice of / });
}

/**
 * With the `lines` opt-in (`<InvoiceList lines={InvoiceLines}/>`), `user_metered`'s latest invoice expanded: Pro (monthly) in advance and the usage of the
 * period before, 18,200 calls with 10,000 included, its tier "8,200 × $2.00 per 1,000 =
 * $16.40", and the total.
 */
export const Lines: Story = {
  args: { pageSize: 5, lines: InvoiceLines },
  parameters: { billkit: { subject: 'user_metered' } },
  play: expandLatest,
};

/** The same in a 375 px phone's column (343 px inside its margins): each invoice stacks, the lines under it. */
export const LinesNarrow: Story = {
  args: { pageSize: 5, lines: InvoiceLines },
  decorators: [withMaxWidth(343)],
  parameters: { billkit: { subject: 'user_metered' } },
  play: expandLatest,
};

/**
 * A trial on card 4000 0000 0000 0341 whose end was reached by moving the in-browser
 * proxy's clock: the $0 trial invoice, then the declined first charge's `open` invoice.
 */
export const FailedRenewal: Story = {
  parameters: {
    billkit: billkit({
      subject: 'user_free',
      setup: async (proxy) => {
        await subscribeInStory(proxy, { trial_days: 7, card: '4000000000000341' });
        await proxy.advanceClock(8);
      },
    }),
  },
};

/** No invoices yet. */
export const Empty: Story = { parameters: { billkit: { subject: 'user_free' } } };

export const Loading: Story = {
  parameters: { billkit: { subject: 'user_pro', handlers: [loadingHandler('/invoices')], readyWithoutData: true } },
};

export const Error: Story = {
  parameters: { billkit: { subject: 'user_pro', handlers: [errorHandler('/invoices')] } },
};

/**
 * `user_past_due`'s open, uncollectible, void and paid invoices, plus a draft for the
 * next period written into the proxy's store: every invoice status.
 */
export const Statuses: Story = {
  parameters: {
    billkit: billkit({
      subject: 'user_past_due',
      setup: async ({ store }) => {
        const start = new Date();
        start.setUTCHours(0, 0, 0, 0);
        const end = new Date(start);
        end.setUTCMonth(end.getUTCMonth() + 1);
        await store.insertInvoice({
            id: 'in_story_draft',
            // The store names subjects by kind (user:<id> / org:<id>).
            subject: 'user:user_past_due',
            subscription_id: null,
            amount_due: 900,
            amount_paid: 0,
            currency: 'usd',
            status: 'draft',
            period_start: start,
            period_end: end,
            subtotal: 900,
            discount_amount: 0,
            discount_description: null,
            created_at: new Date(),
            lines: [
              { kind: 'subscription', description: 'Starter (monthly)', quantity: 1, unit_amount: 900, amount: 900, period_start: start, period_end: end, metric: null, tiers: null },
            ],
          });
      },
    }),
  },
};
