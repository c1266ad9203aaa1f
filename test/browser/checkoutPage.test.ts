import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCheckoutPage, type CheckoutPageView } from '../../src/server/pages/checkoutPage';
import { launchBrowser } from './chromium';
import { SCREENSHOT_DIR, formatViolations, runAxe } from './storyPage';

const base: CheckoutPageView = {
  sessionId: 'cs_test_123',
  formAction: '/billing/checkout/cs_test_123',
  cancelUrl: 'http://localhost:3000/pricing',
  state: 'open',
  plan: { name: 'Pro', description: 'For growing teams that need advanced analytics and API access' },
  price: { amount: 2900, currency: 'usd', interval: 'month' },
  promotion: null,
  trialDays: null,
  amountDueToday: 2900,
  amountThen: 2900,
};

const VIEWS: Record<string, CheckoutPageView> = {
  open: base,
  'open-error': {
    ...base,
    promotion: { code: 'SAVE20', label: '20% off', amount_off: 580 },
    amountDueToday: 2320,
    amountThen: 2320,
    error: { code: 'card_declined', message: 'Your card was declined.' },
    values: { card_exp: '12 / 30', postal_code: '94105' },
  },
  trial: { ...base, trialDays: 14, amountDueToday: 0 },
  authenticate: { ...base, state: 'authenticate' },
  complete: { ...base, state: 'complete', successUrl: 'http://localhost:3000/welcome' },
  expired: { ...base, state: 'expired' },
};

describe('hosted checkout page in real Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    await mkdir(SCREENSHOT_DIR, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, view] of Object.entries(VIEWS)) {
    it(`${name}: axe-clean in light and dark`, async () => {
      const problems: string[] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ colorScheme, viewport: { width: 1000, height: 760 } });
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
        await page.setContent(renderCheckoutPage(view));
        await page.screenshot({ path: join(SCREENSHOT_DIR, `checkout-${name}-${colorScheme}.png`), fullPage: true });
        const violations = await runAxe(page, 'document');
        if (violations.length) problems.push(`axe (${colorScheme}):\n${formatViolations(violations)}`);
        if (errors.length) problems.push(`errors (${colorScheme}): ${errors.join('; ')}`);
        await page.close();
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }

  it('formats the card number in fours and the expiry as "MM / YY" as the user types', async () => {
    const page = await browser.newPage();
    await page.setContent(renderCheckoutPage(base));
    await page.locator('#card_number').pressSequentially('4242424242424242');
    expect(await page.locator('#card_number').inputValue()).toBe('4242 4242 4242 4242');
    await page.locator('#card_exp').pressSequentially('1230');
    expect(await page.locator('#card_exp').inputValue()).toBe('12 / 30');
    await page.locator('#card_exp').fill('');
    await page.locator('#card_exp').pressSequentially('430');
    expect(await page.locator('#card_exp').inputValue()).toBe('04 / 30');
    await page.close();
  });

  it('is usable by keyboard alone: Tab reaches every field and the pay button in order', async () => {
    const page = await browser.newPage();
    await page.setContent(renderCheckoutPage(base));
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate('document.activeElement.id || document.activeElement.textContent.trim()'));
    }
    expect(order).toEqual(['Cancel and return', 'card_number', 'card_exp', 'card_cvc', 'postal_code', 'pay']);
    await page.close();
  });
});
