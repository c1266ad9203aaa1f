/// <reference types="vite/client" />
/**
 * A tiny app for the end-to-end test: Billkit against the real `billkit-proxy` process
 * (Vite proxies `/api` and `/billing` to it). The session token arrives once as
 * `?token=` and is kept in sessionStorage, as an app keeps its session.
 *
 * Routes: `/` pricing, subscription and invoices, with the embedded `<CheckoutForm/>`
 * (or, with `?mode=hosted`, the hosted redirect); `/return` the checkout's success page,
 * activating the session when `?activate=1`.
 */
import { lazy, StrictMode, Suspense, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  BillingProvider,
  CheckoutForm,
  CheckoutReturn,
  InvoiceLines,
  InvoiceList,
  PayInvoiceButton,
  planChange,
  PricingTable,
  SeatChange,
  seatStepper,
  SubscriptionCard,
  UsageMeter,
  SubscriptionPaymentDetails,
  useEntitlements,
  type Price,
} from '../../../src/index';
import '../../../src/styles/styles.css';

const params = new URLSearchParams(window.location.search);
if (params.get('token')) sessionStorage.setItem('billkit-token', params.get('token')!);
if (params.get('mode')) sessionStorage.setItem('billkit-mode', params.get('mode')!);
const token = () => sessionStorage.getItem('billkit-token');
const hosted = sessionStorage.getItem('billkit-mode') === 'hosted';
// `?mode=selfserve`: the self-serve opt-ins (plan changes, card on file and recovery, Pay on invoices).
const selfServe = sessionStorage.getItem('billkit-mode') === 'selfserve';
// `?mode=seats`: per-seat and usage pricing (the seat stepper, seat changes, the usage meter).
const seats = sessionStorage.getItem('billkit-mode') === 'seats';
// `?devtools=1`: the devtools, loaded lazily as the README shows (never part of the app's own bundle).
const BillingDevtools = params.get('devtools')
  ? lazy(() => import('../../../src/devtools/index').then((m) => ({ default: m.BillingDevtools })))
  : () => null;

function EntitlementsLine(): ReactNode {
  const { data } = useEntitlements();
  return (
    <p data-testid="entitlements" data-plan={data?.plan ?? ''}>
      Plan: {data ? (data.plan ?? 'free') : '…'}
    </p>
  );
}

function PricingPage(): ReactNode {
  const [price, setPrice] = useState<Price | null>(null);
  const [quantity, setQuantity] = useState<number | undefined>(undefined);
  return (
    <main style={{ display: 'grid', gap: 24, maxWidth: 1100, margin: '0 auto', padding: 24 }}>
      <h1 style={{ font: '600 22px system-ui' }}>Acme Analytics: billing</h1>
      <EntitlementsLine />
      <SubscriptionCard
        pricingHref="/"
        {...((selfServe || seats) && { paymentDetails: SubscriptionPaymentDetails })}
        {...(seats && { seatChange: SeatChange })}
      />
      {seats && <UsageMeter metric="api_calls" />}
      <PricingTable
        {...(selfServe && { planChange })}
        {...(seats && { seats: seatStepper })}
        {...(hosted
          ? { successUrl: `${window.location.origin}/return?session_id={CHECKOUT_SESSION_ID}`, cancelUrl: `${window.location.origin}/` }
          : {
              onSelect: (selected: Price, _plan: unknown, count?: number) => {
                setPrice(selected);
                setQuantity(count);
              },
            })}
      />
      {price && (
        <section aria-label="Checkout" style={{ display: 'flex', justifyContent: 'center' }}>
          <CheckoutForm priceId={price.id} {...(quantity !== undefined && { quantity })} />
        </section>
      )}
      <InvoiceList {...(selfServe && { payButton: PayInvoiceButton })} {...(seats && { lines: InvoiceLines })} />
    </main>
  );
}

function ReturnPage(): ReactNode {
  return (
    <main style={{ display: 'grid', gap: 24, maxWidth: 560, margin: '0 auto', padding: 24 }}>
      <CheckoutReturn activate={params.get('activate') === '1' || sessionStorage.getItem('billkit-activate') === '1'} continueHref="/" />
      <EntitlementsLine />
    </main>
  );
}

if (params.get('activate')) sessionStorage.setItem('billkit-activate', params.get('activate')!);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BillingProvider baseUrl="/api/proxy/billing" getToken={token} locale="en-US">
      {window.location.pathname.startsWith('/return') ? <ReturnPage /> : <PricingPage />}
      <Suspense>
        <BillingDevtools />
      </Suspense>
    </BillingProvider>
  </StrictMode>,
);
