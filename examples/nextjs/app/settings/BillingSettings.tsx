'use client';
import { BillingProvider, CheckoutForm, InvoiceList, PricingTable, SubscriptionCard, UsageMeter } from 'billkit';
import { stripe } from './stripe';

/** Every Billkit component, on the proxy mounted at `baseUrl` (test processor: pay with 4242 4242 4242 4242). */
export function BillingSettings({ baseUrl, token }: { baseUrl: string; token: string }) {
  return (
    <BillingProvider baseUrl={baseUrl} getToken={() => token} locale="en-US" stripe={stripe}>
      <section aria-label="Plans">
        <PricingTable />
      </section>
      <section aria-label="Your subscription" style={{ display: 'grid', gap: '1rem', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))' }}>
        <SubscriptionCard />
        <UsageMeter metric="api_calls" />
        <CheckoutForm priceId="price_pro_monthly" />
      </section>
      <section aria-label="Invoices">
        <InvoiceList />
      </section>
    </BillingProvider>
  );
}
