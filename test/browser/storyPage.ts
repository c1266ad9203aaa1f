import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './chromium';

export type Theme = 'light' | 'dark';

/** An axe violation, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; failureSummary: string }[];
}

/** Where screenshots go: `test-results/screenshots/<name>.png`. */
export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

let axeSource: Promise<string> | undefined;
function loadAxe(): Promise<string> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

// Page-side helpers are strings: bundlers rewrite functions passed to page.evaluate
// (helpers such as __name), which do not exist in the page.
const SHOW_STORY = `(id) => new Promise((done, fail) => {
  const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
  delete document.documentElement.dataset.billkitReady;
  const off = () => { channel.off('storyRendered', rendered); channel.off('storyErrored', errored); channel.off('storyThrewException', threw); };
  const rendered = (storyId) => { if (storyId === id) { off(); done(); } };
  const errored = (e) => { off(); fail(new Error('Story errored: ' + (e && (e.title + ' ' + e.description)))); };
  const threw = (e) => { off(); fail(new Error('Story threw: ' + (e && e.message))); };
  channel.on('storyRendered', rendered);
  channel.on('storyErrored', errored);
  channel.on('storyThrewException', threw);
  channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
})`;

/**
 * One Chromium page on Storybook's preview (`iframe.html`), switching stories and the
 * `theme` global in place, as the Storybook UI does: the in-browser proxy (PGlite) starts
 * once per page, not once per story. Collects console errors and page errors per story.
 */
export class StoryPage {
  readonly errors: string[] = [];
  private loaded = false;

  private constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {
    page.on('pageerror', (error) => this.errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // Error-state stories make the in-page proxy answer 4xx/5xx on purpose; Chromium
      // logs each as "Failed to load resource". Anything else failing to load is a bug.
      const url = message.location().url;
      if (message.text().startsWith('Failed to load resource') && /\/api\/((proxy|v1)\/billing|dev)\//.test(url)) return;
      this.errors.push(`console error: ${message.text()}${url ? ` (${url})` : ''}`);
    });
  }

  /** Opens a page of the Storybook served at `baseUrl`. */
  static async open(browser: Browser, baseUrl: string, viewport = { width: 1100, height: 800 }): Promise<StoryPage> {
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    return new StoryPage(await context.newPage(), baseUrl);
  }

  /** Shows a story in light theme and waits until it has rendered and its data settled. */
  async show(storyId: string): Promise<void> {
    this.errors.length = 0;
    if (!this.loaded) {
      await this.page.goto(`${this.baseUrl}/iframe.html?id=${encodeURIComponent(storyId)}&viewMode=story&globals=theme:light`);
      await this.page.waitForFunction('!!window.__STORYBOOK_ADDONS_CHANNEL__');
      this.loaded = true;
    } else {
      await this.page.evaluate(`(${SHOW_STORY})(${JSON.stringify(storyId)})`);
    }
    await this.setTheme('light');
    await this.waitUntilReady();
  }

  /** Waits for the story root to have content and the `data-billkit-ready` marker. */
  async waitUntilReady(): Promise<void> {
    await this.page.waitForFunction(
      `document.documentElement.dataset.billkitReady === 'true' && document.querySelector('#storybook-root')?.childElementCount > 0`,
      undefined,
      { timeout: 60_000 },
    );
    await this.page.evaluate('document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))');
  }

  /** Switches the Storybook `theme` global (the toolbar's) and waits for `<html class>`. */
  async setTheme(theme: Theme): Promise<void> {
    await this.page.evaluate(`window.__STORYBOOK_ADDONS_CHANNEL__.emit('updateGlobals', { globals: { theme: ${JSON.stringify(theme)} } })`);
    try {
      await this.page.waitForFunction(`document.documentElement.classList.contains(${JSON.stringify(theme)})`, undefined, { timeout: 5_000 });
    } catch {
      // A preview without the theme decorator: set the class the tokens key on ourselves.
      await this.page.evaluate(`document.documentElement.classList.remove('light', 'dark'); document.documentElement.classList.add(${JSON.stringify(theme)})`);
    }
    await this.page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  }

  /** Runs axe-core on the story root; returns the serious and critical violations. */
  axe(): Promise<AxeViolation[]> {
    return runAxe(this.page, '#storybook-root');
  }

  /** Saves a full-page screenshot to `test-results/screenshots/<name>.png`. */
  async screenshot(name: string): Promise<string> {
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await mkdir(dirname(path), { recursive: true });
    await this.page.screenshot({ path, fullPage: true, animations: 'disabled' });
    return path;
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}

/**
 * Runs axe-core (injected once per document) on `context` (a selector, or `document`);
 * returns the serious and critical violations.
 */
export async function runAxe(page: Page, context: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) {
    await page.addScriptTag({ content: await loadAxe() });
  }
  const target = context === 'document' ? 'document' : JSON.stringify(context);
  const violations = (await page.evaluate(
    `axe.run(${target}, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary || '' })) })))`,
  )) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Axe violations as readable lines for a failure message. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes.map((n) => `    at ${n.target.join(' ')}\n      ${n.failureSummary.replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n');
}

/**
 * For a suite that runs in one Storybook page: launches Chromium and opens the page before
 * the suite (handing it to `opened`), and closes both after it.
 */
export function withStoryPage(baseUrl: string, opened: (story: StoryPage) => void): void {
  let browser: Browser | undefined;
  let story: StoryPage | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    story = await StoryPage.open(browser, baseUrl);
    opened(story);
  });
  afterAll(async () => {
    await story?.close();
    await browser?.close();
  });
}
