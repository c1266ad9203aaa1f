import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './chromium';

const ROOT = resolve(__dirname, '../..');

/** A light-only app: no colours of its own, a heading, and Billkit elements in a few theme contexts. */
const APP = `
  <h1 id="heading">My light app</h1>
  <div id="plain" data-billkit-component="usage-meter">meter</div>
  <div class="dark"><div id="in-dark" data-billkit-component="usage-meter">meter</div>
    <div class="light"><div id="light-in-dark" data-billkit-component="usage-meter">meter</div></div>
  </div>
  <div data-theme="dark"><div id="in-data-dark" data-billkit-component="usage-meter">meter</div>
    <div data-theme="light"><div id="data-light-in-dark" data-billkit-component="usage-meter">meter</div></div>
  </div>
  <div data-billkit-theme="system"><div id="in-system" data-billkit-component="usage-meter">meter</div></div>
  <div id="portal" data-billkit-portal="" data-theme="dark"><div data-billkit-part="dialog">dialog</div></div>`;

describe('billkit/styles.css in a host page (real Chromium)', () => {
  let browser: Browser;
  let css: string;
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'billkit-css-'));
    // The same command as `npm run build:css` builds dist/styles.css with.
    execFileSync(join(ROOT, 'node_modules/.bin/tailwindcss'), ['-i', 'src/styles/styles.css', '-o', join(out, 'styles.css'), '--minify'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    css = readFileSync(join(out, 'styles.css'), 'utf8');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(out, { recursive: true, force: true });
  });

  async function open(colorScheme: 'light' | 'dark', stylesheet = css): Promise<Page> {
    const page = await browser.newPage({ colorScheme });
    await page.setContent(`<!doctype html><html><head><style>${stylesheet}</style></head><body>${APP}</body></html>`);
    return page;
  }
  /** A computed property; `#fff`-style hex (the minified stylesheet's) spelled out as `#ffffff`. */
  const style = async (page: Page, selector: string, property: string) => {
    const value = (await page.$eval(selector, (element, name) => getComputedStyle(element).getPropertyValue(name), property)).trim();
    return /^#[\da-f]{3}$/i.test(value) ? `#${[...value.slice(1)].map((c) => c + c).join('')}` : value;
  };

  it('with the OS in dark mode, a light app keeps its light canvas and its own text colour', async () => {
    const page = await open('dark');
    try {
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      expect(await style(page, 'html', 'color-scheme')).toBe('normal');
      expect(await style(page, 'body', 'color-scheme')).toBe('normal');
      expect(await style(page, '#heading', 'color')).toBe('rgb(0, 0, 0)');
      expect(await style(page, 'body', 'background-color')).toBe('rgba(0, 0, 0, 0)');
      expect(await style(page, 'body', 'font-family')).not.toContain('Inter');
      // Billkit's own element without any marker stays light too: dark is opt-in.
      expect(await style(page, '#plain', '--billkit-background')).toBe('#ffffff');
      expect(await style(page, '#plain', 'color-scheme')).toBe('light');
    } finally {
      await page.close();
    }
  });

  it('the same check does catch a stylesheet that sets color-scheme on :root', async () => {
    const page = await open('dark', `${css}\n@media (prefers-color-scheme: dark) { :root { color-scheme: dark } }`);
    try {
      expect(await style(page, '#heading', 'color')).toBe('rgb(255, 255, 255)');
    } finally {
      await page.close();
    }
  });

  it('declares nothing but --billkit-* variables on html, body and :root', async () => {
    const page = await open('dark');
    try {
      const offending = await page.evaluate(() => {
        const found: string[] = [];
        const visit = (rules: CSSRuleList) => {
          for (const rule of Array.from(rules)) {
            if (rule instanceof CSSStyleRule) {
              const selectors = rule.selectorText.split(',').map((s) => s.trim());
              if (selectors.some((s) => /^(:root|html|body)$/.test(s))) {
                for (const name of Array.from(rule.style)) if (!name.startsWith('--billkit-')) found.push(`${rule.selectorText} { ${name} }`);
              }
            }
            if ('cssRules' in rule) visit((rule as CSSGroupingRule).cssRules);
          }
        };
        for (const sheet of Array.from(document.styleSheets)) visit(sheet.cssRules);
        return found;
      });
      expect(offending).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('follows the app: .dark and [data-theme="dark"] ancestors, with light islands inside', async () => {
    const page = await open('light');
    try {
      for (const id of ['#in-dark', '#in-data-dark']) {
        expect(await style(page, id, 'background-color'), id).toBe('rgba(0, 0, 0, 0)');
        expect(await style(page, id, '--billkit-background'), id).toBe('#0b0b10');
        expect(await style(page, id, 'color-scheme'), id).toBe('dark');
      }
      for (const id of ['#light-in-dark', '#data-light-in-dark']) {
        expect(await style(page, id, '--billkit-background'), id).toBe('#ffffff');
        expect(await style(page, id, 'color-scheme'), id).toBe('light');
      }
      // The base style colours Billkit text from the tokens.
      expect(await style(page, '#in-dark', 'color')).toBe('rgb(243, 244, 248)');
      expect(await style(page, '#plain', 'color')).toBe('rgb(15, 18, 34)');
    } finally {
      await page.close();
    }
  });

  it('follows the OS only under data-billkit-theme="system"', async () => {
    const dark = await open('dark');
    const light = await open('light');
    try {
      expect(await style(dark, '#in-system', '--billkit-background')).toBe('#0b0b10');
      expect(await style(dark, '#in-system', 'color-scheme')).toBe('dark');
      expect(await style(light, '#in-system', '--billkit-background')).toBe('#ffffff');
      expect(await style(dark, '#plain', '--billkit-background')).toBe('#ffffff');
    } finally {
      await dark.close();
      await light.close();
    }
  });

  it('themes a dialog portal by the attribute Billkit copies onto it', async () => {
    const page = await open('light');
    try {
      await page.$eval('#portal [data-billkit-part="dialog"]', (element) => element.setAttribute('class', 'bk:bg-billkit-card'));
      expect(await style(page, '#portal', 'color-scheme')).toBe('dark');
      expect(await style(page, '#portal', 'color')).toBe('rgb(243, 244, 248)');
      // The dialog's card background is the dark token (#111218), as in a dark page.
      expect(await style(page, '#portal [data-billkit-part="dialog"]', 'background-color')).toBe('rgb(17, 18, 24)');
    } finally {
      await page.close();
    }
  });
});
