/**
 * End to end, in headless Chromium: a small app (test/browser/app, served by Vite) with
 * Billkit's components against the REAL `billkit-proxy` process (spawned on a free port
 * with a temp data folder). Embedded checkout → active subscription → invoice PDF →
 * cancel at period end → resume; the proxy's hosted page with a declined card and then a
 * good one; the org activation flow. Screenshots go to test-results/e2e/.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../helpers/browserApp';

const SHOTS = join(resolve(__dirname, '../..'), 'test-results/e2e');

let app: BrowserApp;
let appUrl: string;
const tokenFor = (user: string, org?: string) => app.tokenFor(user, org);

async function newPage(): Promise<{ context: BrowserContext; page: Page; requests: string[]; errors: string[] }> {
  const context = await app.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(String(error)));
  return { context, page, requests, errors };
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

async function payOnHostedPage(page: Page, card: string) {
  await page.fill('#card_number', card);
  await page.fill('#card_exp', '12 / 34');
  await page.fill('#card_cvc', '123');
  await page.fill('#postal_code', '10115');
  await page.click('#pay');
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  app = await startBrowserApp('e2e');
  appUrl = app.appUrl;
});

afterAll(() => app?.close());

describe('billing end to end (real billkit-proxy, headless Chromium)', () => {
  it('embedded: PricingTable → CheckoutForm with 4242 → active subscription, invoice PDF, cancel at period end, resume', async () => {
    const { context, page, requests, errors } = await newPage();
    try {
      await page.goto(`${appUrl}/?token=${await tokenFor('user_free')}`);
      await page.locator('[data-billkit-component="subscription-card"]').waitFor();
      await expect.poll(() => page.getByTestId('entitlements').getAttribute('data-plan')).toBe('');
      // Monthly billing: the pricing table's "Yearly billing" switch off (it starts off; say so).
      const pricing = page.locator('[data-billkit-component="pricing-table"]');
      await pricing.getByRole('switch', { name: 'Yearly billing' }).uncheck();
      await expect.poll(() => pricing.getAttribute('data-interval')).toBe('month');
      await page.getByRole('button', { name: 'Get Pro' }).click();

      const form = page.locator('[data-billkit-component="checkout-form"]');
      await expect.poll(() => form.getAttribute('data-state'), { timeout: 20_000 }).toBe('idle');
      await page.getByLabel('Card number').fill('4242 4242 4242 4242');
      await page.getByLabel('Expiration date').fill('12 / 34');
      await page.getByLabel('Security code').fill('123');
      await page.getByLabel('Postal code').fill('10115');
      await shot(page, '01-embedded-checkout');
      await page.getByRole('button', { name: 'Pay $29.00' }).click();

      await expect.poll(() => form.getAttribute('data-state'), { timeout: 20_000 }).toBe('succeeded');
      const card = page.locator('[data-billkit-component="subscription-card"]');
      await expect.poll(() => card.getAttribute('data-status'), { timeout: 20_000 }).toBe('active');
      await expect.poll(() => page.getByTestId('entitlements').getAttribute('data-plan')).toBe('pro');
      const paidRows = page.locator('[data-billkit-component="invoice-list"] [data-status="paid"]');
      await expect.poll(() => paidRows.count(), { timeout: 20_000 }).toBe(1);
      await shot(page, '02-embedded-paid');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: /^PDF invoice of/ }).first().click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^invoice_in_\w+\.pdf$/);
      const pdf = await readFile((await download.path())!);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      await card.getByRole('button', { name: 'Cancel subscription' }).click();
      const dialog = page.getByRole('dialog', { name: 'Cancel subscription?' });
      await dialog.getByRole('radio', { name: /At the end of the billing period/ }).check();
      await dialog.getByRole('button', { name: 'Cancel subscription' }).click();
      await expect.poll(() => card.getAttribute('data-cancel-at-period-end'), { timeout: 20_000 }).toBe('');
      await shot(page, '03-canceling');

      await card.getByRole('button', { name: 'Resume subscription' }).click();
      await expect.poll(() => card.getAttribute('data-cancel-at-period-end'), { timeout: 20_000 }).toBeNull();
      expect(await card.getAttribute('data-status')).toBe('active');
      await shot(page, '04-resumed');

      // The test processor's form never loads Stripe.
      expect(requests.filter((url) => /@stripe\/|js\.stripe\.com|StripePaymentForm/.test(url))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("hosted: the proxy's checkout page declines 4000 0000 0000 0002, pays with 4242, returns to the app", async () => {
    const { context, page, errors } = await newPage();
    try {
      await page.goto(`${appUrl}/?token=${await tokenFor('user_e2e_hosted')}&mode=hosted`);
      await page.getByRole('button', { name: 'Get Pro' }).click();
      await page.waitForURL(/\/billing\/checkout\//);
      await payOnHostedPage(page, '4000 0000 0000 0002');
      await page.getByText('Your card was declined.').waitFor();
      await shot(page, '05-hosted-declined');

      await payOnHostedPage(page, '4242 4242 4242 4242');
      await page.waitForURL(/\/return\?session_id=/);
      const result = page.locator('[data-billkit-component="checkout-return"]');
      await expect.poll(() => result.getAttribute('data-state'), { timeout: 20_000 }).toBe('succeeded');
      await page.getByRole('heading', { name: "You're subscribed to Pro" }).waitFor();
      await shot(page, '06-hosted-returned');

      await page.getByRole('link', { name: 'Continue' }).click();
      await page.waitForURL(`${appUrl}/`);
      const card = page.locator('[data-billkit-component="subscription-card"]');
      await expect.poll(() => card.getAttribute('data-status'), { timeout: 20_000 }).toBe('active');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('org activation: org_acme pays a hosted checkout, the return page activates it, entitlements show pro', async () => {
    const { context, page, errors } = await newPage();
    try {
      await page.goto(`${appUrl}/?token=${await tokenFor('user_acme_admin', 'org_acme')}&mode=hosted&activate=1`);
      await expect.poll(() => page.getByTestId('entitlements').getAttribute('data-plan'), { timeout: 20_000 }).toBe('');
      await page.getByRole('button', { name: 'Get Pro' }).click();
      await page.waitForURL(/\/billing\/checkout\//);
      await payOnHostedPage(page, '4242 4242 4242 4242');
      await page.waitForURL(/\/return\?session_id=/);
      const result = page.locator('[data-billkit-component="checkout-return"]');
      await expect.poll(() => result.getAttribute('data-state'), { timeout: 20_000 }).toBe('succeeded');
      await expect.poll(() => page.getByTestId('entitlements').getAttribute('data-plan'), { timeout: 20_000 }).toBe('pro');
      await shot(page, '07-org-activated');

      // A forged link on the same return page is refused and changes nothing.
      const forged = new URL(page.url());
      forged.searchParams.set('session_id', forged.searchParams.get('session_id')!.replace(/.$/, (c) => (c === '0' ? '1' : '0')));
      await page.goto(forged.toString());
      await expect.poll(() => result.getAttribute('data-state'), { timeout: 20_000 }).toBe('invalid');
      await page.getByText('This checkout link is invalid or has expired').waitFor();
      await shot(page, '08-forged-link');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('self-serve plan changes and payment recovery end to end (real billkit-proxy, headless Chromium)', () => {
  it('user_pro switches to yearly from the pricing table and is charged the amount the preview showed', async () => {
    const { context, page, errors } = await newPage();
    try {
      await page.goto(`${appUrl}/?mode=selfserve&token=${await tokenFor('user_pro')}`);
      const card = page.locator('[data-billkit-component="subscription-card"]');
      await expect.poll(() => card.getAttribute('data-status'), { timeout: 20_000 }).toBe('active');
      const pricing = page.locator('[data-billkit-component="pricing-table"]');
      await pricing.getByRole('switch', { name: 'Yearly billing' }).check();
      await pricing.getByRole('article', { name: 'Pro' }).getByRole('button', { name: 'Switch to yearly' }).click();

      const dialog = page.getByRole('dialog', { name: 'Switch to Pro (yearly)' });
      const change = dialog.locator('[data-billkit-part="plan-change"]');
      await expect.poll(() => change.getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
      const due = (await dialog.locator('[data-billkit-part="amount-due-today"]').textContent())!;
      expect(due).toMatch(/^\$\d+\.\d\d$/);
      expect(await dialog.textContent()).toMatch(new RegExp(`\\${due} due today, then \\$[\\d,.]+ on `));
      await shot(page, '10-plan-change-preview');
      await dialog.getByRole('button', { name: `Pay ${due} and switch` }).click();
      await expect.poll(() => dialog.count(), { timeout: 20_000 }).toBe(0);

      await expect.poll(() => card.locator('[data-billkit-part="price"]').getAttribute('data-interval'), { timeout: 20_000 }).toBe('year');
      // The newest invoice is the proration, for exactly the amount previewed, and paid.
      const newest = page.locator('[data-billkit-component="invoice-list"] [data-billkit-part="invoice"]').first();
      await expect.poll(() => newest.textContent(), { timeout: 20_000 }).toContain(due);
      expect(await newest.getAttribute('data-status')).toBe('paid');
      await shot(page, '11-plan-changed');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('user_past_due updates the card and pays in one dialog, and the card turns active', async () => {
    const { context, page, errors } = await newPage();
    try {
      await page.goto(`${appUrl}/?mode=selfserve&token=${await tokenFor('user_past_due')}`);
      const card = page.locator('[data-billkit-component="subscription-card"]');
      await expect.poll(() => card.getAttribute('data-status'), { timeout: 20_000 }).toBe('past_due');
      await card.getByRole('button', { name: 'Fix your payment' }).click();
      const dialog = page.getByRole('dialog', { name: 'Fix your payment' });
      await dialog.getByLabel('Card number').fill('4242 4242 4242 4242');
      await dialog.getByLabel('Expiration date').fill('12 / 34');
      await dialog.getByLabel('Security code').fill('123');
      await dialog.getByLabel('Postal code').fill('10115');
      await shot(page, '12-recovery');
      await dialog.getByRole('button', { name: /^Pay \$/ }).click();
      await expect.poll(() => dialog.locator('[data-billkit-part="recovery"]').getAttribute('data-state'), { timeout: 20_000 }).toBe('paid');
      await expect.poll(() => card.getAttribute('data-status'), { timeout: 20_000 }).toBe('active');
      await page.keyboard.press('Escape');
      await expect.poll(() => card.locator('[data-billkit-part="payment-method"]').textContent()).toContain('Visa •••• 4242, expires 12/34');
      await expect.poll(() => page.locator('[data-billkit-component="invoice-list"] [data-status="open"]').count()).toBe(0);
      await shot(page, '13-recovered');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
