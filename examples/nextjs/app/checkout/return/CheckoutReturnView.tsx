'use client';
import { BillingProvider, CheckoutReturn } from 'billkit';

export function CheckoutReturnView({ token }: { token: string }) {
  return (
    <BillingProvider baseUrl="/api/proxy/billing" getToken={() => token} locale="en-US">
      <CheckoutReturn continueHref="/settings" />
    </BillingProvider>
  );
}
