import { Hono, type Context } from 'hono';
import { withCheckoutSessionId } from '../../contract/checkoutSessionId';
import { parseExpiry } from '../../contract/validateCard';
import { loadCheckout, promotionLabel, priceCheckout, type LoadedCheckout } from '../billing/checkout';
import { authenticateCheckout, confirmCheckout } from '../billing/completeCheckout';
import { Conflict, PaymentDeclined } from '../domainErrors';
import { ProxyError, notFound } from '../errors';
import type { CheckoutPageView } from '../pages/checkoutPage';
import { loadCheckoutPage } from '../renderers';
import type { RouteContext } from './RouteContext';
import { assertStorable, pathParam } from './validation';

/** Headers of the hosted page: never cached, never framed, no referrer to the app. */
const PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

/** `{CHECKOUT_SESSION_ID}` in the success URL replaced by the signed session id, as Stripe does. */
function successRedirect(c: LoadedCheckout): string {
  return withCheckoutSessionId(c.row.success_url, c.sessionId);
}

function pageView(
  c: LoadedCheckout,
  formAction: string,
  payElsewhere: boolean,
  extra: Partial<Pick<CheckoutPageView, 'error' | 'values'>> = {},
): CheckoutPageView {
  const amounts = priceCheckout(c.price, c.promo, c.row.trial_days, c.row.quantity);
  const state: CheckoutPageView['state'] =
    c.row.status === 'complete'
      ? 'complete'
      : c.expired
        ? 'expired'
        : payElsewhere
          ? 'elsewhere'
          : c.row.status === 'requires_action'
            ? 'authenticate'
            : 'open';
  return {
    sessionId: c.sessionId,
    formAction,
    cancelUrl: c.row.cancel_url,
    state,
    plan: { name: c.plan.name, description: c.plan.description },
    price: { amount: c.price.amount, currency: c.price.currency, interval: c.price.interval },
    ...(c.price.model === 'per_unit' ? { quantity: { count: c.row.quantity, unitLabel: c.price.unit_label || 'unit' } } : {}),
    promotion: c.promo ? { code: c.promo.code, label: promotionLabel(c.promo, c.price.currency), amount_off: c.row.amount_discount } : null,
    trialDays: c.row.trial_days,
    amountDueToday: c.row.amount_due_today,
    amountThen: amounts.then,
    error: extra.error ?? null,
    ...(extra.values ? { values: extra.values } : {}),
    ...(state === 'complete' ? { successUrl: successRedirect(c) } : {}),
    ...(state === 'elsewhere' ? { payIn: c.row.ui_mode } : {}),
  };
}

/** The form's expiry as numbers; one that does not parse fails the processor's expiry check. */
const expiryOf = (value: string) => parseExpiry(value) ?? { exp_month: 0, exp_year: 0 };

/**
 * The checkout page the proxy hosts for the test processor: `GET` shows it, `POST`
 * (a plain HTML form) pays, then redirects (303) to the success URL. The signed
 * session id in the path is the only credential, as with Stripe Checkout links.
 */
export function hostedCheckoutRoutes(ctx: RouteContext) {
  // A processor that takes payments itself (Stripe) never sees this page's card fields.
  const payElsewhere = Boolean(ctx.processor.createCheckout);
  const viewOf = (c: LoadedCheckout, formAction: string, extra?: Parameters<typeof pageView>[3]) => pageView(c, formAction, payElsewhere, extra);
  const render = async (c: Context, view: CheckoutPageView, status: 200 | 402 | 409 = 200) => {
    const { renderCheckoutPage } = await loadCheckoutPage();
    return c.html(renderCheckoutPage(view), status, PAGE_HEADERS);
  };
  const load = async (sessionId: string) => {
    const found = await loadCheckout(ctx, sessionId);
    if (!found) throw notFound('No such checkout session.');
    return found;
  };
  /** The session once no payment of it is in flight any more (checked every 50 ms, 30 s at most); null if still in flight. */
  const waitForPayment = async (sessionId: string): Promise<LoadedCheckout | null> => {
    for (let i = 0; i < 600; i++) {
      const now = await load(sessionId);
      if (now.row.status === 'complete' || (await ctx.store.unsettledPayments({ objectId: now.row.id })).length === 0) return now;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return null;
  };

  return new Hono()
    .get('/billing/checkout/:session_id', async (c) => {
      const found = await load(pathParam(c, 'session_id'));
      return render(c, viewOf(found, c.req.path));
    })
    .post('/billing/checkout/:session_id', async (c) => {
      const found = await load(pathParam(c, 'session_id'));
      const type = c.req.header('content-type') ?? '';
      if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
        throw new ProxyError(415, 'unsupported_media_type', 'Send the checkout form as application/x-www-form-urlencoded.');
      }
      const form = await c.req.parseBody();
      assertStorable(form);
      const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
      if (found.row.status === 'complete' || found.expired) return render(c, viewOf(found, c.req.path));
      if (payElsewhere) return render(c, viewOf(found, c.req.path), 409);
      const values = { card_exp: field('card_exp'), postal_code: field('postal_code') };
      try {
        const decision = field('authenticate');
        const result =
          found.row.status === 'requires_action' && (decision === 'approve' || decision === 'fail')
            ? await authenticateCheckout(ctx, found, decision === 'approve')
            : await confirmCheckout(ctx, found, {
                number: field('card_number'),
                ...expiryOf(field('card_exp')),
                cvc: field('card_cvc').trim(),
                postal_code: field('postal_code'),
              });
        if (result.status === 'requires_action') {
          const reloaded = await load(found.sessionId);
          return render(c, viewOf(reloaded, c.req.path, { values }));
        }
        return c.redirect(successRedirect(found), 303);
      } catch (error) {
        if (error instanceof Conflict && error.code === 'checkout_being_paid') {
          // A second press of Pay while the first is at the processor: wait for it, then
          // answer as it did (a paid session goes to the success URL).
          const settled = await waitForPayment(found.sessionId);
          if (settled?.row.status === 'complete') return c.redirect(successRedirect(settled), 303);
          return render(c, viewOf(settled ?? found, c.req.path, { values, error: { code: error.code, message: error.message } }), 409);
        }
        if (!(error instanceof PaymentDeclined)) throw error;
        const reloaded = await load(found.sessionId);
        // The page shows the decline beside the form it came from, with the status the JSON API gives it.
        return render(c, viewOf(reloaded, c.req.path, { values, error: { code: error.code, message: error.message } }), 402);
      }
    });
}
