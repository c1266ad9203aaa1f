import { describe, expect, inject, it } from 'vitest';
import { StoryPage, formatViolations, withStoryPage, type Theme } from './storyPage';

const { url, stories } = inject('storybook');
const THEMES: Theme[] = ['light', 'dark'];

describe('every story in real Chromium', () => {
  let page: StoryPage;
  withStoryPage(url, (opened) => (page = opened));

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
