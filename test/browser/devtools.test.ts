/**
 * `<BillingDevtools/>` in headless Chromium, against the REAL `billkit-proxy` process in
 * dev mode (its own data folder, so its dev clock moves for this file only): the test app
 * (test/browser/app, `?devtools=1`) with the components and the devtools loaded lazily.
 * Screenshots go to test-results/devtools/.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../helpers/browserApp';
import { formatViolations, type AxeViolation } from './storyPage';

const SHOTS = join(resolve(__dirname, '../..'), 'test-results/devtools');

let app: BrowserApp;
let appUrl: string;
const tokenFor = (user: string) => app.tokenFor(user);
async function paidInvoices(user: string): Promise<number> {
  const answer = await fetch(`${app.proxyUrl}/api/proxy/billing/invoices?limit=100`, { headers: { authorization: `Bearer ${await tokenFor(user)}` } });
  const { invoices } = (await answer.json()) as { invoices: { status: string }[] };
  return invoices.filter((invoice) => invoice.status === 'paid').length;
}

async function axe(page: Page): Promise<AxeViolation[]> {
  const { createRequire } = await import('node:module');
  const { readFile } = await import('node:fs/promises');
  await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(
    `axe.run(document.querySelector('[data-billkit-component="devtools"]'), { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`,
  ) as Promise<AxeViolation[]>;
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  app = await startBrowserApp('devtools');
  appUrl = app.appUrl;
});

afterAll(() => app?.close());

describe('<BillingDevtools/> (real billkit-proxy in dev mode, headless Chromium)', () => {
  it("switches to user_trial, advances past its trial end (active, a new paid invoice), then a failing card and a period: past_due", async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && console.error(`[page] ${message.text()}`));
    try {
      await page.goto(`${appUrl}/?token=${await tokenFor('user_free')}&devtools=1`);
      const card = page.locator('[data-billkit-component="subscription-card"]');
      const invoices = page.locator('[data-billkit-component="invoice-list"]');
      await card.waitFor();

      // Keyboard: the toggle is reached and opened without a mouse.
      const toggle = page.getByRole('button', { name: 'Billing devtools' });
      await toggle.focus();
      await page.keyboard.press('Enter');
      const panel = page.getByRole('region', { name: 'Billkit devtools' });
      await panel.getByRole('tab', { name: 'Clock' }).waitFor();
      await expect.poll(() => panel.locator('[data-billkit-part="clock-now"]').getAttribute('datetime')).toMatch(/^\d{4}-/);

      await panel.getByRole('tab', { name: 'Subject' }).click();
      await panel.getByLabel('Demo subject').selectOption('user_trial');
      await panel.getByRole('button', { name: 'Switch', exact: true }).click();
      await expect.poll(() => panel.locator('[data-billkit-part="current-subject"]').textContent()).toBe('user_trial');
      await expect.poll(() => card.getAttribute('data-status')).toBe('trialing');
      // user_trial's paid invoices as the proxy counts them (the list on the page may still be loading them).
      const paidBefore = await paidInvoices('user_trial');
      await expect.poll(() => invoices.locator('[data-status="paid"]').count()).toBe(paidBefore);
      await page.screenshot({ path: join(SHOTS, '01-trialing.png') });

      await panel.getByRole('tab', { name: 'Clock' }).click();
      await panel.getByRole('button', { name: 'To trial end' }).click();
      await expect.poll(() => card.getAttribute('data-status')).toBe('active');
      await expect.poll(() => invoices.locator('[data-status="paid"]').count()).toBe(paidBefore + 1);
      const fired = panel.getByRole('list', { name: 'Events fired' });
      await expect.poll(() => fired.locator('[data-event-type="invoice.paid"]').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, '02-trial-ended-active.png') });

      await panel.getByRole('tab', { name: 'Payments' }).click();
      await panel.getByRole('button', { name: /Make charges fail/ }).click();
      await expect.poll(() => panel.locator('[data-billkit-part="card-on-file"]').textContent()).toContain('0341');
      await panel.getByRole('tab', { name: 'Clock' }).click();
      await panel.getByRole('button', { name: 'To period end' }).click();
      await expect.poll(() => card.getAttribute('data-status')).toBe('past_due');
      await expect.poll(() => invoices.locator('[data-status="open"]').count()).toBe(1);

      // The webhook events of user_trial, newest first: the failed renewal on top.
      await panel.getByRole('tab', { name: 'Events' }).click();
      const events = panel.locator('[data-billkit-part="webhook-event"]');
      await expect.poll(() => events.first().getAttribute('data-event-type')).toMatch(/^(subscription\.updated|invoice\.payment_failed)$/);
      expect(await events.count()).toBeGreaterThanOrEqual(5);
      await panel.getByRole('tab', { name: 'Cache' }).click();
      await expect.poll(() => panel.locator('[data-billkit-part="cached-query"]').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, '03-past-due.png') });

      const violations = await axe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      // Escape closes the panel and gives the focus back to the toggle.
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('[data-billkit-component="devtools"]').getAttribute('data-state')).toBe('closed');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-billkit-part'))).toBe('toggle');
      expect(errors).toEqual([]);
    } catch (error) {
      console.error(`page errors: ${errors.join('\n')}`);
      throw error;
    } finally {
      await context.close();
    }
  });
});
