import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCheckoutPage, type CheckoutPageView } from '../../src/server/pages/checkoutPage';
import { mintDevToken, openPgliteStore, seedDemo, startProxyServer } from '../../src/server/index';
import { checkoutPageView } from '../helpers/checkoutPageView';
import { launchBrowser } from './chromium';
import { SCREENSHOT_DIR, formatViolations, runAxe } from './storyPage';

const base = checkoutPageView({ plan: { name: 'Pro', description: 'For growing teams that need advanced analytics and API access' } });

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

  it('pays through the real proxy with JavaScript disabled: a declined card, then 3-D Secure, then the success URL', async () => {
    const secret = 'billkit-browser-test-jwt-secret';
    const store = await openPgliteStore();
    await seedDemo(store);
    const server = await startProxyServer({ store, auth: { secret }, signingSecret: 'billkit-browser-test-signing', port: 0, hostname: '127.0.0.1' });
    // The app the proxy sends the buyer back to: a real server, as redirects to it must resolve.
    const appServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<title>App</title>'));
    await new Promise<void>((done) => appServer.listen(0, '127.0.0.1', done));
    const app = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`;
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const token = await mintDevToken({ secret, user: 'user_free' });
      const api = (path: string, init: RequestInit = {}) =>
        fetch(`${server.url}/api/proxy/billing${path}`, {
          ...init,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        }).then((response) => response.json());
      const session = (await api('/checkout', {
        method: 'POST',
        body: JSON.stringify({
          price_id: 'price_pro_monthly',
          success_url: `${app}/welcome?session_id={CHECKOUT_SESSION_ID}`,
          cancel_url: `${app}/pricing`,
        }),
      })) as { checkout_url: string; session_id: string };

      const page = await context.newPage();
      const pay = async (number: string) => {
        await page.fill('#card_number', number);
        await page.fill('#card_exp', '12 / 34');
        await page.fill('#card_cvc', '123');
        await page.fill('#postal_code', '94105');
        await page.click('#pay');
        await page.waitForLoadState();
      };
      await page.goto(session.checkout_url);
      expect(await page.textContent('#pay')).toBe('Pay $29.00');

      await pay('4000 0000 0000 0002');
      expect(await page.textContent('[role=alert]')).toMatch(/declined/i);
      expect(await page.inputValue('#card_exp')).toBe('12 / 34');
      expect(await page.inputValue('#card_number')).toBe('');

      await pay('4000 0025 0000 3155');
      expect(await page.getAttribute('body', 'data-state')).toBe('authenticate');
      await page.click('button[value=approve]');
      await page.waitForURL((url) => url.href.startsWith(`${app}/welcome?session_id=`));
      expect(new URL(page.url()).searchParams.get('session_id')).toBe(session.session_id);

      const { subscription } = (await api('/subscription')) as { subscription: { plan: { id: string }; status: string } };
      expect(subscription).toMatchObject({ plan: { id: 'plan_pro' }, status: 'active' });
    } finally {
      await context.close();
      await server.close();
      appServer.closeAllConnections();
      await new Promise((done) => appServer.close(done));
    }
  });
});
