import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './chromium';
import { StoryPage, formatViolations, type Theme } from './storyPage';

const { url, stories } = inject('storybook');
const THEMES: Theme[] = ['light', 'dark'];

describe('every story in real Chromium', () => {
  let browser: Browser;
  let page: StoryPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await StoryPage.open(browser, url);
  });
  afterAll(async () => {
    await page?.close();
    await browser?.close();
  });

  it('has stories to test', () => {
    expect(stories.length).toBeGreaterThan(0);
  });

  for (const story of stories) {
    it(`${story.title} / ${story.name}: renders without errors, axe-clean in light and dark`, async () => {
      await page.show(story.id);
      const problems: string[] = [];
      for (const theme of THEMES) {
        await page.setTheme(theme);
        await page.screenshot(`${story.id}-${theme}`);
        const violations = await page.axe();
        if (violations.length) problems.push(`axe (${theme}):\n${formatViolations(violations)}`);
      }
      if (page.errors.length) problems.push(`errors:\n  ${page.errors.join('\n  ')}`);
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});
