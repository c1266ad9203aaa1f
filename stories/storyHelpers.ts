/**
 * What the stories share: msw answers for the states the proxy cannot be asked to be in
 * (still loading, failing), and catalogues seeded into the in-browser proxy's store for
 * pricing variants.
 */
import type { Decorator } from '@storybook/react-vite';
import { delay, http, HttpResponse } from 'msw';
import { createElement, type CSSProperties } from 'react';
import type { BillkitStoryParameters, CatalogPlan, StoryProxy } from '../.storybook/browserProxy';

/** Types a story's `parameters.billkit` (subject, catalogue, setup, msw handlers). */
export function billkit(parameters: BillkitStoryParameters): BillkitStoryParameters {
  return parameters;
}

/** Every request to `path` (e.g. `/plans`) stays pending: the loading state. */
export function loadingHandler(path: string) {
  return http.all(`*/api/proxy/billing${path}`, async () => {
    await delay('infinite');
    return new HttpResponse(null, { status: 204 });
  });
}

/** `path` answers with the proxy's documented error shape and a 503: the error state. */
export function errorHandler(path: string) {
  return http.all(`*/api/proxy/billing${path}`, () =>
    HttpResponse.json(
      { error: { code: 'service_unavailable', message: 'The billing service is temporarily unavailable.' } },
      { status: 503 },
    ),
  );
}

const month = (id: string, amount: number, currency = 'usd') => ({ id, amount, currency, interval: 'month' as const });
const year = (id: string, amount: number, currency = 'usd') => ({ id, amount, currency, interval: 'year' as const });

/** One plan only. */
export const singlePlanCatalog: CatalogPlan[] = [
  {
    plan: {
      id: 'plan_team',
      name: 'Team',
      description: 'Everything your team needs, one simple price',
      features: ['unlimited_projects', 'advanced_analytics', 'api_access', 'sso', 'priority_support'],
      recommended: true,
    },
    prices: [month('price_team_monthly', 4900), year('price_team_annual', 47040)],
  },
];

/** Plans with monthly prices only: no interval toggle. */
export const monthlyOnlyCatalog: CatalogPlan[] = [
  {
    plan: { id: 'plan_basic', name: 'Basic', description: 'For side projects', features: ['3_projects', 'basic_analytics'], recommended: false },
    prices: [month('price_basic_monthly', 500)],
  },
  {
    plan: { id: 'plan_plus', name: 'Plus', description: 'For professionals', features: ['unlimited_projects', 'advanced_analytics', 'api_access'], recommended: true },
    prices: [month('price_plus_monthly', 1500)],
  },
];

/** Prices in yen, a zero-decimal currency (`amount: 980` is ¥980). */
export const yenCatalog: CatalogPlan[] = [
  {
    plan: { id: 'plan_starter', name: 'Starter', description: 'For individuals and small teams', features: ['basic_analytics', '5_seats'], recommended: false },
    prices: [month('price_starter_monthly_jpy', 980, 'jpy'), year('price_starter_annual_jpy', 9400, 'jpy')],
  },
  {
    plan: { id: 'plan_pro', name: 'Pro', description: 'For growing teams that need more', features: ['basic_analytics', 'advanced_analytics', 'api_access', '25_seats'], recommended: true },
    prices: [month('price_pro_monthly_jpy', 2980, 'jpy'), year('price_pro_annual_jpy', 28600, 'jpy')],
  },
];

/** Four plans, with different yearly savings. */
export const manyPlansCatalog: CatalogPlan[] = [
  {
    plan: { id: 'plan_hobby', name: 'Hobby', description: 'For personal projects', features: ['1_seat', 'basic_analytics'], recommended: false },
    prices: [month('price_hobby_monthly', 400), year('price_hobby_annual', 4000)],
  },
  {
    plan: { id: 'plan_starter', name: 'Starter', description: 'For individuals and small teams', features: ['basic_analytics', '5_seats'], recommended: false },
    prices: [month('price_starter_monthly', 900), year('price_starter_annual', 8640)],
  },
  {
    plan: { id: 'plan_pro', name: 'Pro', description: 'For growing teams that need more', features: ['basic_analytics', 'advanced_analytics', 'api_access', '25_seats'], recommended: true },
    prices: [month('price_pro_monthly', 2900), year('price_pro_annual', 27840)],
  },
  {
    plan: { id: 'plan_scale', name: 'Scale', description: 'For companies with advanced needs', features: ['advanced_analytics', 'api_access', 'sso', 'audit_log', 'unlimited_seats'], recommended: false },
    prices: [month('price_scale_monthly', 9900), year('price_scale_annual', 89100)],
  },
];

/**
 * Subscribes the story's subject through an embedded checkout paid with `card` (Stripe's
 * test numbers; `4000000000000341` attaches but declines every later charge), so a story
 * can then move the clock and show what the proxy's lifecycle made of it.
 */
export async function subscribeInStory(
  proxy: StoryProxy,
  options: { price_id?: string; trial_days?: number; promotion_code?: string; card?: string } = {},
): Promise<void> {
  const session = (await (
    await proxy.request('/checkout', {
      method: 'POST',
      body: {
        price_id: options.price_id ?? 'price_starter_monthly',
        success_url: `${window.location.origin}/ok`,
        cancel_url: `${window.location.origin}/no`,
        ui_mode: 'embedded',
        ...(options.trial_days ? { trial_days: options.trial_days } : {}),
        ...(options.promotion_code ? { promotion_code: options.promotion_code } : {}),
      },
    })
  ).json()) as { session_id: string; client_secret: string };
  const paid = await proxy.request(`/checkout/${session.session_id}/confirm`, {
    method: 'POST',
    body: {
      client_secret: session.client_secret,
      card: { number: options.card ?? '4242424242424242', exp_month: 12, exp_year: 2099, cvc: '123' },
    },
  });
  if (!paid.ok) throw new Error(`the story's checkout failed: ${paid.status}`);
}

/** A story decorator that renders the story in a column `maxWidth` px wide (plus `style`), as in an app's page. */
export function withMaxWidth(maxWidth: number, style?: CSSProperties): Decorator {
  return (Story) => createElement('div', { style: { maxWidth, ...style } }, createElement(Story));
}
