// Type tests, checked by `tsc --noEmit` (not run): every method of the browser client
// (src/client/createBillingClient.ts, whose types are written by hand from
// src/contract/types.ts, since `billkit` must not import the server) resolves with exactly
// what its route answers, and sends exactly the body its route validates, as Hono's RPC
// types of the proxy (`ProxyAppType`, from billkit-proxy's entry) say. A route whose schema
// or answer changes without the client fails `npm run typecheck` here; so does a client
// method that names no route. Types only: nothing of the server reaches the client's code.
import { hc, type InferRequestType, type InferResponseType } from 'hono/client';
import { expectTypeOf } from 'vitest';
import type { BillingClient } from '../../src/client/createBillingClient';
import type { RequestConfig } from '../../src/client/request';
import type * as T from '../../src/contract/types';
import type { ProxyAppType } from '../../src/server/index';

type Api = ReturnType<typeof hc<ProxyAppType>>['api'];
type Billing = Api['proxy']['billing'];

/** The JSON a route answers with 200. */
type Ok<R> = InferResponseType<R, 200>;
/** What a route takes: `json` (its validated body), `query`, `param`. */
type In<R> = InferRequestType<R>;
/** What a client method resolves with. */
type Resolves<K extends keyof BillingClient> = BillingClient[K] extends (...args: never[]) => Promise<infer R> ? R : never;
/** The `n`th parameter of a client method. */
type Arg<K extends keyof BillingClient, N extends number> = BillingClient[K] extends (...args: infer A) => unknown ? A[N] : never;

/** Every method of the client, and the route each one calls. */
type Routes = {
  getPlans: Billing['plans']['$get'];
  getSubscription: Billing['subscription']['$get'];
  createCheckout: Billing['checkout']['$post'];
  getCheckoutSession: Billing['checkout'][':session_id']['$get'];
  confirmCheckout: Billing['checkout'][':session_id']['confirm']['$post'];
  authenticateCheckout: Billing['checkout'][':session_id']['authenticate']['$post'];
  cancelSubscription: Billing['subscription']['cancel']['$post'];
  resumeSubscription: Billing['subscription']['resume']['$post'];
  getEntitlements: Billing['entitlements']['$get'];
  getUsage: Billing['usage']['$get'];
  listInvoices: Billing['invoices']['$get'];
  downloadInvoicePdf: Billing['invoices'][':id']['pdf']['$get'];
  activateCheckout: Api['v1']['billing']['activate']['$post'];
  previewPlanChange: Billing['subscription']['preview']['$post'];
  changePlan: Billing['subscription']['change']['$post'];
  getPaymentMethod: Billing['payment-method']['$get'];
  setupPaymentMethod: Billing['payment-method']['setup']['$post'];
  confirmPaymentMethodSetup: Billing['payment-method']['setup'][':setup_id']['confirm']['$post'];
  authenticatePaymentMethodSetup: Billing['payment-method']['setup'][':setup_id']['authenticate']['$post'];
  payInvoice: Billing['invoices'][':id']['pay']['$post'];
};
/** The client's endpoint methods (its request configuration, `fetch` included, left out). */
type ClientMethod = Exclude<
  { [K in keyof BillingClient]-?: BillingClient[K] extends (...args: never[]) => Promise<unknown> ? K : never }[keyof BillingClient],
  keyof RequestConfig
>;

// A new client method fails here until its route is named above.
expectTypeOf<keyof Routes>().toEqualTypeOf<ClientMethod>();

// Answers: the client resolves with the route's JSON, unwrapped where the client unwraps a one-field envelope.
expectTypeOf<Resolves<'getPlans'>>().toEqualTypeOf<Ok<Routes['getPlans']>['plans']>();
expectTypeOf<Resolves<'getSubscription'>>().toEqualTypeOf<Ok<Routes['getSubscription']>['subscription']>();
expectTypeOf<Resolves<'createCheckout'>>().toEqualTypeOf<Ok<Routes['createCheckout']>>();
expectTypeOf<Resolves<'getCheckoutSession'>>().toEqualTypeOf<Ok<Routes['getCheckoutSession']>>();
expectTypeOf<Resolves<'confirmCheckout'>>().toEqualTypeOf<Ok<Routes['confirmCheckout']>>();
expectTypeOf<Resolves<'authenticateCheckout'>>().toEqualTypeOf<Ok<Routes['authenticateCheckout']>>();
expectTypeOf<Resolves<'cancelSubscription'>>().toEqualTypeOf<Ok<Routes['cancelSubscription']>['subscription']>();
expectTypeOf<Resolves<'resumeSubscription'>>().toEqualTypeOf<Ok<Routes['resumeSubscription']>['subscription']>();
expectTypeOf<Resolves<'getEntitlements'>>().toEqualTypeOf<Ok<Routes['getEntitlements']>>();
expectTypeOf<Resolves<'getUsage'>>().toEqualTypeOf<Ok<Routes['getUsage']>>();
expectTypeOf<Resolves<'listInvoices'>>().toEqualTypeOf<Ok<Routes['listInvoices']>>();
expectTypeOf<Resolves<'activateCheckout'>>().toEqualTypeOf<Ok<Routes['activateCheckout']>>();
expectTypeOf<Resolves<'previewPlanChange'>>().toEqualTypeOf<Ok<Routes['previewPlanChange']>['preview']>();
expectTypeOf<Resolves<'changePlan'>>().toEqualTypeOf<Ok<Routes['changePlan']>['subscription']>();
expectTypeOf<Resolves<'getPaymentMethod'>>().toEqualTypeOf<Ok<Routes['getPaymentMethod']>['payment_method']>();
expectTypeOf<Resolves<'setupPaymentMethod'>>().toEqualTypeOf<Ok<Routes['setupPaymentMethod']>>();
expectTypeOf<Resolves<'confirmPaymentMethodSetup'>>().toEqualTypeOf<Ok<Routes['confirmPaymentMethodSetup']>>();
expectTypeOf<Resolves<'authenticatePaymentMethodSetup'>>().toEqualTypeOf<Ok<Routes['authenticatePaymentMethodSetup']>>();
expectTypeOf<Resolves<'payInvoice'>>().toEqualTypeOf<Ok<Routes['payInvoice']>['invoice']>();
// The PDF is not JSON: the client reads it as a file, its route answers no JSON type.
expectTypeOf<Resolves<'downloadInvoicePdf'>>().toEqualTypeOf<{ blob: Blob; filename: string }>();
expectTypeOf<Ok<Routes['downloadInvoicePdf']>>().not.toEqualTypeOf<T.Invoice>();

// Errors are thrown and answered by the app's error handler, outside the route types; paying
// routes also answer a decline as 402 with the error body.
expectTypeOf<InferResponseType<Routes['cancelSubscription'], 400>>().toBeNever();
expectTypeOf<InferResponseType<Routes['confirmCheckout'], 402>>().toEqualTypeOf<T.ErrorBody>();
expectTypeOf<InferResponseType<Routes['changePlan'], 402>>().toEqualTypeOf<T.ErrorBody>();
expectTypeOf<InferResponseType<Routes['payInvoice'], 402>>().toEqualTypeOf<T.ErrorBody>();

// Bodies: the client sends exactly what the route validates.
expectTypeOf<Arg<'createCheckout', 0>>().toEqualTypeOf<In<Routes['createCheckout']>['json']>();
expectTypeOf<Arg<'confirmCheckout', 1>>().toEqualTypeOf<In<Routes['confirmCheckout']>['json']>();
expectTypeOf<Arg<'authenticateCheckout', 1>>().toEqualTypeOf<In<Routes['authenticateCheckout']>['json']>();
expectTypeOf<Arg<'cancelSubscription', 0>>().toEqualTypeOf<In<Routes['cancelSubscription']>['json']>();
expectTypeOf<{ session_id: Arg<'activateCheckout', 0> }>().toEqualTypeOf<In<Routes['activateCheckout']>['json']>();
expectTypeOf<Arg<'previewPlanChange', 0>>().toEqualTypeOf<In<Routes['previewPlanChange']>['json']>();
expectTypeOf<Arg<'changePlan', 0>>().toEqualTypeOf<In<Routes['changePlan']>['json']>();
expectTypeOf<Arg<'confirmPaymentMethodSetup', 1>>().toEqualTypeOf<In<Routes['confirmPaymentMethodSetup']>['json']>();
expectTypeOf<Arg<'authenticatePaymentMethodSetup', 1>>().toEqualTypeOf<In<Routes['authenticatePaymentMethodSetup']>['json']>();
// Methods without a body call routes that validate none.
expectTypeOf<keyof In<Routes['resumeSubscription']>>().toEqualTypeOf<never>();
expectTypeOf<keyof In<Routes['setupPaymentMethod']>>().toEqualTypeOf<never>();
expectTypeOf<keyof In<Routes['payInvoice']>>().toEqualTypeOf<'param'>();

// Queries and path ids: the client's arguments are what the route reads.
expectTypeOf<NonNullable<Arg<'listInvoices', 0>>>().toEqualTypeOf<In<Routes['listInvoices']>['query']>();
expectTypeOf<Arg<'getUsage', 0>>().toExtend<In<Routes['getUsage']>['query']['metric']>();
expectTypeOf<keyof In<Routes['getUsage']>['query']>().toEqualTypeOf<'metric'>();
expectTypeOf<Arg<'getCheckoutSession', 0>>().toEqualTypeOf<In<Routes['getCheckoutSession']>['param']['session_id']>();
expectTypeOf<Arg<'confirmCheckout', 0>>().toEqualTypeOf<In<Routes['confirmCheckout']>['param']['session_id']>();
expectTypeOf<Arg<'confirmPaymentMethodSetup', 0>>().toEqualTypeOf<In<Routes['confirmPaymentMethodSetup']>['param']['setup_id']>();
expectTypeOf<Arg<'payInvoice', 0>>().toExtend<T.Invoice | In<Routes['payInvoice']>['param']['id']>();
expectTypeOf<Arg<'downloadInvoicePdf', 0>>().toExtend<T.Invoice | In<Routes['downloadInvoicePdf']>['param']['id']>();

// The README's example of `hc<ProxyAppType>` (type-checked; this file is never run).
async function readmeExample(getToken: () => Promise<string>) {
  const { api } = hc<ProxyAppType>('https://app.example.com', { headers: async () => ({ Authorization: `Bearer ${await getToken()}` }) });
  const res = await api.proxy.billing.subscription.cancel.$post({ json: { at_period_end: true } });
  if (res.ok) expectTypeOf((await res.json()).subscription).toEqualTypeOf<T.Subscription>();
}
expectTypeOf(readmeExample).toBeFunction();
