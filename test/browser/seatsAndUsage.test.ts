/**
 * Seats and usage end to end, in headless Chromium against the REAL `billkit-proxy` process
 * (test/browser/app in `?mode=seats`): choose 5 seats in the pricing table and pay, see them
 * on the card, change to 8 through the preview, record usage past the included calls,
 * advance the dev clock past the period end, and find the usage line in the invoice list
 * and in the invoice's PDF. Screenshots go to test-results/e2e/.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../helpers/browserApp';

const SHOTS = join(resolve(__dirname, '../..'), 'test-results/e2e');
const shotName = (name: string) => join(SHOTS, `${name}.png`);

let app: BrowserApp;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  app = await startBrowserApp('seats');
});

afterAll(() => app?.close());

/** A call to the proxy as the subject of `token`, as the app's server would make it. */
async function call<T>(token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${app.proxyUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

describe('seats and usage end to end (real billkit-proxy, headless Chromium)', () => {
  it('5 seats from the pricing table, 8 through the preview, usage past the included calls billed at the renewal', async () => {
    const context = await app.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    try {
      const token = await app.tokenFor('user_e2e_seats');
      await page.goto(`${app.appUrl}/?mode=seats&token=${token}`);
      const pricing = page.locator('[data-billkit-component="pricing-table"]');
      await pricing.getByRole('switch', { name: 'Yearly billing' }).uncheck();
      const team = pricing.getByRole('article', { name: 'Team' });
      const seats = team.getByRole('spinbutton', { name: 'Seats' });
      await seats.fill('5');
      await seats.blur();
      await team.getByText('5 seats · $60.00 / month').waitFor();
      await team.getByRole('button', { name: 'Get Team' }).click();

      const form = page.locator('[data-billkit-component="checkout-form"]');
      await expect.poll(() => form.getAttribute('data-state'), { timeout: 20_000 }).toBe('idle');
      await form.getByText('Team × 5 seats, $12.00 each').waitFor();
      await page.getByLabel('Card number').fill('4242 4242 4242 4242');
      await page.getByLabel('Expiration date').fill('12 / 34');
      await page.getByLabel('Security code').fill('123');
      await page.getByLabel('Postal code').fill('10115');
      await page.screenshot({ path: shotName('20-seats-checkout'), fullPage: true });
      await page.getByRole('button', { name: 'Pay $60.00' }).click();
      await expect.poll(() => form.getAttribute('data-state'), { timeout: 20_000 }).toBe('succeeded');

      const card = page.locator('[data-billkit-component="subscription-card"]');
      await expect.poll(() => card.getAttribute('data-status'), { timeout: 20_000 }).toBe('active');
      await card.getByText(/5 seats · \$60\.00/).waitFor();

      // 5 → 8 seats: the preview's amount is what is charged, and the card shows 8.
      await card.getByRole('button', { name: 'Change seats' }).click();
      const dialog = page.getByRole('dialog', { name: 'Change seats' });
      const stepper = dialog.getByRole('spinbutton', { name: 'Seats' });
      for (let i = 0; i < 3; i++) await dialog.getByRole('button', { name: 'Add a seat' }).click();
      await expect.poll(() => stepper.inputValue()).toBe('8');
      const due = dialog.locator('[data-billkit-part="amount-due-today"]');
      await expect.poll(async () => /^\$\d+\.\d\d$/.test((await due.textContent()) ?? ''), { timeout: 20_000 }).toBe(true);
      const amount = (await due.textContent())!;
      await page.screenshot({ path: shotName('21-seats-change-preview'), fullPage: true });
      await dialog.getByRole('button', { name: `Pay ${amount} and add 3 seats` }).click();
      await expect.poll(() => dialog.count(), { timeout: 20_000 }).toBe(0);
      await card.getByText(/8 seats · \$96\.00/).waitFor();
      const proration = page.locator('[data-billkit-component="invoice-list"] [data-billkit-part="invoice"]').first();
      await expect.poll(() => proration.textContent(), { timeout: 20_000 }).toContain(amount);

      // 15,000 calls this period: 5,000 past the 10,000 included, $10.00 at $2.00 per 1,000.
      await call(token, 'POST', '/api/proxy/billing/usage', { metric: 'api_calls', quantity: 15_000, idempotency_key: 'e2e-usage-1' });
      await page.reload();
      const meter = page.locator('[data-billkit-component="usage-meter"]');
      await expect.poll(() => meter.getAttribute('data-billable'), { timeout: 20_000 }).toBe('5000');
      await page.screenshot({ path: shotName('22-seats-usage'), fullPage: true });

      // The period ends: the renewal bills the next month's seats and this month's usage.
      const { subscription } = await call<{ subscription: { current_period_end: string } }>(token, 'GET', '/api/proxy/billing/subscription');
      const after = new Date(new Date(subscription.current_period_end).getTime() + 1000).toISOString();
      await call(token, 'POST', '/api/dev/clock/advance', { to: after });
      await page.reload();
      const newest = page.locator('[data-billkit-component="invoice-list"] [data-billkit-part="invoice"]').first();
      await expect.poll(() => newest.getAttribute('data-status'), { timeout: 20_000 }).toBe('paid');
      await newest.getByRole('button', { name: /^Details/ }).click();
      const usageLine = page.locator('[data-billkit-component="invoice-list"]').getByText(/Usage: 15,000 api calls/);
      await usageLine.waitFor();
      await page.locator('[data-billkit-component="invoice-list"]').getByText('5,000 × $2.00 per 1,000 = $10.00').waitFor();
      await page.screenshot({ path: shotName('23-seats-renewal-lines'), fullPage: true });

      const [download] = await Promise.all([page.waitForEvent('download'), newest.getByRole('button', { name: /^PDF invoice of/ }).click()]);
      const pdf = await readFile((await download.path())!);
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
      expect(text).toContain('Usage: 15,000 api calls');
      expect(text).toContain('5,000 at $2.00 per 1,000 (up to 100,000)');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
