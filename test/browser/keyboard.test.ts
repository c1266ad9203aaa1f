import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { StoryPage, withStoryPage } from './storyPage';

const { url, stories } = inject('storybook');
const has = (id: string) => stories.some((story) => story.id === id);

/** Whether the focused element matches `selector`. */
const focusedMatches = (page: Page, selector: string) =>
  page.evaluate(`!!document.activeElement && document.activeElement.matches(${JSON.stringify(selector)})`) as Promise<boolean>;

/** Presses Tab until `selector` has focus (at most `limit` times); fails when Tab never reaches it. */
async function tabTo(page: Page, selector: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await focusedMatches(page, selector)) return;
  }
  throw new Error(`Tab never reached ${selector} in ${limit} presses`);
}

describe('keyboard-only use in real Chromium', () => {
  let story: StoryPage;
  let page: Page;
  withStoryPage(url, (opened) => {
    story = opened;
    page = opened.page;
  });

  // Each test starts from the top of the document with nothing focused.
  const open = async (id: string) => {
    await story.show(id);
    await page.evaluate('document.activeElement && document.activeElement.blur()');
  };
  beforeEach(() => {
    story.errors.length = 0;
  });

  it.runIf(has('components-pricingtable--default'))('PricingTable: Tab reaches the monthly / yearly switch; Space and Enter toggle it and the prices change', async () => {
    await open('components-pricingtable--default');
    const table = page.locator('[data-billkit-component="pricing-table"]');
    const toggle = page.locator('[data-billkit-part="interval-switch"]');
    const starterPrice = page.locator('[data-billkit-part="plan"][data-plan-id="plan_starter"] [data-billkit-part="price"]');
    await expect.poll(() => table.getAttribute('data-interval')).toBe('month');
    await expect.poll(() => starterPrice.textContent()).toContain('$9.00');

    await tabTo(page, '[role="switch"][data-billkit-part="interval-switch"]');
    expect(await toggle.getAttribute('aria-checked')).toBe('false');

    await page.keyboard.press('Space');
    await expect.poll(() => table.getAttribute('data-interval')).toBe('year');
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    expect(await toggle.getAttribute('data-state')).toBe('checked');
    await expect.poll(() => starterPrice.textContent()).toContain('$86.40');

    await page.keyboard.press('Enter');
    await expect.poll(() => table.getAttribute('data-interval')).toBe('month');
    expect(await toggle.getAttribute('data-state')).toBe('unchecked');
    await expect.poll(() => starterPrice.textContent()).toContain('$9.00');

    await page.keyboard.press('Space');
    await expect.poll(() => table.getAttribute('data-interval')).toBe('year');
    // Focus stays on the switch throughout.
    expect(await focusedMatches(page, '[data-billkit-part="interval-switch"]')).toBe(true);
    expect(story.errors).toEqual([]);
  });

  it.runIf(has('components-subscriptioncard--active'))(
    'SubscriptionCard: the cancel dialog opens with Enter, traps focus, closes with Escape, and confirms by keyboard',
    async () => {
      await open('components-subscriptioncard--active');
      const card = page.locator('[data-billkit-component="subscription-card"]');
      const dialog = page.locator('[role="dialog"]');
      const cancel = '[data-billkit-part="cancel"]';

      await tabTo(page, cancel);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'visible' });
      expect(await page.evaluate('!!document.activeElement.closest("[role=dialog]")')).toBe(true);

      // Focus cycles inside the dialog, both ways.
      for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
        await page.keyboard.press(key);
        expect(await page.evaluate('!!document.activeElement.closest("[role=dialog]")'), `focus left the dialog after ${key}`).toBe(true);
      }

      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      // Radix hands focus back to the trigger as the dialog unmounts.
      await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.getAttribute("data-billkit-part")')).toBe('cancel');
      expect(await card.getAttribute('data-cancel-at-period-end')).toBeNull();

      // Reopen with Enter and confirm (the default: cancel at the end of the period).
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'visible' });
      await tabTo(page, '[data-billkit-part="confirm-cancel"]', 10);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => card.getAttribute('data-cancel-at-period-end')).toBe('');
      expect(story.errors).toEqual([]);
    },
  );

  it.runIf(has('components-invoicelist--default'))('InvoiceList: download buttons and "Load more" are reachable by Tab, and Load more works by keyboard', async () => {
    await open('components-invoicelist--default');
    const rows = page.locator('[data-billkit-part="invoice"]');
    const before = await rows.count();
    expect(before).toBeGreaterThan(0);

    await tabTo(page, '[data-billkit-part="download"]');
    await tabTo(page, '[data-billkit-part="load-more"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.count()).toBeGreaterThan(before);
    expect(story.errors).toEqual([]);
  });

  it.runIf(has('components-subscriptionpaymentdetails--pricing-table-for-subscriber'))(
    'PricingTable with planChange: Tab reaches Downgrade, Enter opens the preview dialog with focus inside, Escape closes it and focus returns',
    async () => {
      await open('components-subscriptionpaymentdetails--pricing-table-for-subscriber');
      const dialog = page.locator('[role="dialog"]');
      await tabTo(page, '[data-billkit-part="change"]');
      expect(await page.evaluate('document.activeElement.textContent')).toBe('Downgrade');
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await expect.poll(() => dialog.locator('[data-billkit-part="plan-change"]').getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
      expect(await page.evaluate('!!document.activeElement.closest("[role=dialog]")')).toBe(true);
      // Focus is trapped: Tab cycles inside the dialog.
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        expect(await page.evaluate('!!document.activeElement.closest("[role=dialog]")')).toBe(true);
      }
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      await expect.poll(() => focusedMatches(page, '[data-billkit-part="change"]')).toBe(true);
      expect(story.errors).toEqual([]);
    },
  );

  it.runIf(has('components-subscriptionpaymentdetails--past-due-recovery'))(
    'SubscriptionCard recovery: Enter on Fix your payment opens the dialog on the card number; the card is typed and paid by keyboard alone',
    async () => {
      await open('components-subscriptionpaymentdetails--past-due-recovery');
      const card = page.locator('[data-billkit-component="subscription-card"]');
      await expect.poll(() => card.getAttribute('data-status'), { timeout: 20_000 }).toBe('past_due');
      await tabTo(page, '[data-billkit-part="recover"]');
      await page.keyboard.press('Enter');
      const dialog = page.locator('[role="dialog"]');
      await dialog.waitFor();
      await tabTo(page, 'input[name="cardnumber"]', 10);
      await page.keyboard.type('4242424242424242');
      await page.keyboard.press('Tab');
      await page.keyboard.type('1234');
      await page.keyboard.press('Tab');
      await page.keyboard.type('123');
      await page.keyboard.press('Tab');
      await page.keyboard.type('10115');
      await page.keyboard.press('Enter');
      await expect.poll(() => dialog.locator('[data-billkit-part="recovery"]').getAttribute('data-state'), { timeout: 20_000 }).toBe('paid');
      await expect.poll(() => card.getAttribute('data-status'), { timeout: 20_000 }).toBe('active');
      expect(story.errors).toEqual([]);
    },
  );
});
