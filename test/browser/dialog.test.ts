import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { StoryPage, withStoryPage } from './storyPage';

const { url, stories } = inject('storybook');
const has = (id: string) => stories.some((story) => story.id === id);

const scrollY = (page: Page) => page.evaluate('window.scrollY') as Promise<number>;
const rootOverflow = (page: Page) => page.evaluate('getComputedStyle(document.documentElement).overflowY') as Promise<string>;

describe("Billkit's modal dialog in real Chromium (Radix focus and dismiss layers, Billkit's overlay and scroll lock)", () => {
  let story: StoryPage;
  let page: Page;
  withStoryPage(url, (opened) => {
    story = opened;
    page = opened.page;
  });

  it.runIf(has('components-subscriptioncard--active'))(
    "is aria-modal, hides the page from assistive technology, locks the page's scroll while open, and gives it all back on Escape or a click on the overlay",
    async () => {
      await story.show('components-subscriptioncard--active');
      const cancel = page.locator('[data-billkit-part="cancel"]');
      const dialog = page.locator('[role="dialog"]');
      await cancel.waitFor();
      // A page taller than the window, scrolled a little, as a billing page in an app would be.
      await page.evaluate(`document.body.append(Object.assign(document.createElement('div'), { id: 'tall', style: 'height: 3000px' }))`);
      await page.evaluate('window.scrollTo(0, 120)');
      await expect.poll(() => scrollY(page)).toBe(120);
      const overflowBefore = await rootOverflow(page);
      const widthBefore = await page.evaluate('document.querySelector("[data-billkit-component=subscription-card]").getBoundingClientRect().width');

      for (const close of ['Escape', 'overlay'] as const) {
        await cancel.focus();
        await page.keyboard.press('Enter');
        await dialog.waitFor({ state: 'visible' });
        expect(await dialog.getAttribute('aria-modal')).toBe('true');
        // Radix hides everything outside the dialog from assistive technology.
        expect(await page.locator('#storybook-root').getAttribute('aria-hidden')).toBe('true');
        expect(await rootOverflow(page)).toBe('hidden');
        // The scrollbar's width comes back as padding: the card does not move sideways.
        expect(await page.evaluate('document.querySelector("[data-billkit-component=subscription-card]").getBoundingClientRect().width')).toBe(widthBefore);

        // The wheel over the overlay and keys that scroll a page move nothing.
        const at = await scrollY(page);
        expect(at).toBeGreaterThan(0);
        await page.mouse.move(20, 20);
        await page.mouse.wheel(0, -600);
        await page.keyboard.press('PageUp');
        // What the wheel and the keys would scroll is laid out by the next frames (a wheel
        // does scroll the page once the dialog is closed, below).
        await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
        expect(await scrollY(page)).toBe(at);

        if (close === 'Escape') await page.keyboard.press('Escape');
        else await page.mouse.click(10, 10); // on the overlay, outside the dialog
        await dialog.waitFor({ state: 'detached' });
        await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.getAttribute("data-billkit-part")'), { message: `focus returns after ${close}` }).toBe('cancel');
        expect(await rootOverflow(page)).toBe(overflowBefore);
        expect(await page.evaluate('document.documentElement.style.paddingRight')).toBe('');
        expect(await page.locator('#storybook-root').getAttribute('aria-hidden')).toBeNull();

        // The page scrolls again.
        const after = await scrollY(page);
        await page.mouse.wheel(0, 300);
        await expect.poll(() => scrollY(page)).toBeGreaterThan(after);
        await page.evaluate('window.scrollTo(0, 120)');
        await expect.poll(() => scrollY(page)).toBe(120);
      }
      expect(story.errors).toEqual([]);
    },
  );
});
