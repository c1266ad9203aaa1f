import {
  BillingProvider,
  CheckoutForm,
  CheckoutReturn,
  InvoiceList,
  PricingTable,
  SubscriptionCard,
  UsageMeter,
} from 'billkit';

/**
 * The session token of the signed-in user. With `npx billkit-proxy`, mint one with
 * `npx billkit-proxy token --user user_free` and put it in `.env.local` as VITE_BILLKIT_TOKEN.
 */
const token = import.meta.env.VITE_BILLKIT_TOKEN ?? '';

export function App() {
  const returning = new URLSearchParams(window.location.search).has('session_id');
  return (
    <BillingProvider baseUrl="/api/proxy/billing" getToken={() => token}>
      <main style={{ maxWidth: 960, margin: '2rem auto', display: 'grid', gap: '2rem', fontFamily: 'system-ui, sans-serif' }}>
        <h1 style={{ margin: 0 }}>Billing</h1>
        {returning ? (
          <CheckoutReturn activate continueHref="/" />
        ) : (
          <>
            <PricingTable />
            <div style={{ display: 'grid', gap: '1rem', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))' }}>
              <SubscriptionCard />
              <UsageMeter metric="api_calls" />
              <CheckoutForm priceId="price_pro_monthly" />
            </div>
            <InvoiceList />
          </>
        )}
      </main>
    </BillingProvider>
  );
}
