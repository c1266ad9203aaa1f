import type { Meta, StoryObj } from '@storybook/react-vite';
import { useRef, type ReactNode } from 'react';
import { fn } from 'storybook/test';
import { InvoiceList } from '../src/components/InvoiceList';
import { PricingTable } from '../src/components/PricingTable';
import { SubscriptionCard } from '../src/components/SubscriptionCard';
import { UsageMeter } from '../src/components/UsageMeter';
import { billkit } from './storyHelpers';

const sectionStyle = { display: 'flex', flexDirection: 'column', gap: 16 } as const;
const headingStyle = { margin: 0, fontSize: 18, fontWeight: 600, letterSpacing: '-0.01em' } as const;

/** Every Billkit component together, as an app's billing settings page. */
function BillingPage({ onSelect }: { onSelect: () => void }): ReactNode {
  const plans = useRef<HTMLElement>(null);
  return (
    <main style={{ maxWidth: 1040, margin: '0 auto', display: 'flex', flexDirection: 'column', gap: 40, padding: '8px 0 48px' }}>
      <header style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
        <h1 style={{ margin: 0, fontSize: 26, fontWeight: 600, letterSpacing: '-0.02em' }}>Billing</h1>
        <p style={{ margin: 0, fontSize: 14, color: 'var(--billkit-muted-foreground)' }}>
          Manage your plan, usage and invoices.
        </p>
      </header>
      <section aria-labelledby="overview-heading" style={sectionStyle}>
        <h2 id="overview-heading" style={headingStyle}>
          Overview
        </h2>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 320px), 1fr))', gap: 24, alignItems: 'start' }}>
          <SubscriptionCard onUpgrade={() => plans.current?.scrollIntoView({ behavior: 'smooth' })} />
          <div style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
            <UsageMeter metric="api_calls" />
            <UsageMeter metric="storage_gb" label="Storage (GB)" />
          </div>
        </div>
      </section>
      <section ref={plans} aria-labelledby="plans-heading" style={sectionStyle}>
        <h2 id="plans-heading" style={headingStyle}>
          Change plan
        </h2>
        <PricingTable onSelect={onSelect} />
      </section>
      <section aria-labelledby="history-heading" style={sectionStyle}>
        <h2 id="history-heading" style={headingStyle}>
          Billing history
        </h2>
        <InvoiceList pageSize={6} />
      </section>
    </main>
  );
}

const meta = {
  title: 'Pages/BillingPage',
  component: BillingPage,
  args: { onSelect: fn() },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof BillingPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `user_pro`: active Pro, 8,423 API calls, 14 invoices. */
export const Default: Story = {
  parameters: {
    billkit: billkit({
      subject: 'user_pro',
      setup: async (proxy) => {
        await proxy.request('/usage', { method: 'POST', body: { metric: 'storage_gb', quantity: 37 } });
      },
    }),
  },
};

/** A user on the free plan. */
export const FreePlan: Story = { parameters: { billkit: { subject: 'user_free' } } };
