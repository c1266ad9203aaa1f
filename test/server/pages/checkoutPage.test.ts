// @vitest-environment jsdom
// The page is parsed with the DOM's own parser, so assertions read it as a browser would.
import { describe, expect, it } from 'vitest';
import { renderCheckoutPage, type CheckoutPageView } from '../../../src/server/pages/checkoutPage';
import { checkoutPageView as view } from '../../helpers/checkoutPageView';

const XSS = '<img src=x onerror="alert(1)">&\'';

function render(overrides: Partial<CheckoutPageView> = {}) {
  const html = renderCheckoutPage(view(overrides));
  const document = new DOMParser().parseFromString(html, 'text/html');
  const text = (document.body.textContent ?? '').replace(/\s+/g, ' ');
  return { html, document, text };
}

describe('renderCheckoutPage', () => {
  it('is a complete HTML5 document with no external assets', () => {
    const { html, document } = render();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toContain('Pro');
    expect(document.querySelectorAll('link[rel=stylesheet], script[src], img[src]')).toHaveLength(0);
    expect(document.querySelector('style')?.textContent).toContain('prefers-color-scheme: dark');
  });

  it('names the test cards in a test-mode banner', () => {
    const { document } = render();
    const banner = document.querySelector('header')!;
    expect(banner.textContent).toContain('Test mode');
    for (const card of ['4242 4242 4242 4242', '4000 0000 0000 0002', '4000 0000 0000 9995', '4000 0025 0000 3155']) {
      expect(banner.textContent).toContain(card);
    }
  });

  describe('open', () => {
    it('posts a labelled card form to the form action', () => {
      const { document } = render();
      const form = document.querySelector('form')!;
      expect(form.method).toBe('post');
      expect(form.getAttribute('action')).toBe('/billing/checkout/cs_test_123');
      const field = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
      expect(field('card_number').autocomplete).toBe('cc-number');
      expect(field('card_number').inputMode).toBe('numeric');
      expect(field('card_exp').autocomplete).toBe('cc-exp');
      expect(field('card_exp').placeholder).toBe('MM / YY');
      expect(field('card_cvc').autocomplete).toBe('cc-csc');
      expect(field('postal_code').autocomplete).toBe('postal-code');
      for (const input of form.querySelectorAll('input')) {
        expect(document.querySelector(`label[for="${input.id}"]`)?.textContent?.trim()).toBeTruthy();
      }
      expect(form.querySelector('button[type=submit]')?.textContent).toBe('Pay $29.00');
    });

    it('shows the plan, price per interval and what is due today', () => {
      const { text } = render();
      expect(text).toContain('Subscribe to Pro');
      expect(text).toContain('For growing teams');
      expect(text).toContain('$29.00 per month');
      expect(text).toContain('Billed monthly');
      expect(text).toMatch(/Due today\s*\$29\.00/);
    });

    it.each([
      ['day', 'Billed daily', '$29.00 per day'],
      ['week', 'Billed weekly', '$29.00 per week'],
      ['month', 'Billed monthly', '$29.00 per month'],
      ['year', 'Billed yearly', '$29.00 per year'],
    ] as const)('words a %s price as the components do: "%s", "%s"', (interval, billed, perInterval) => {
      const { text } = render({ price: { amount: 2900, currency: 'usd', interval } });
      expect(text).toContain(billed);
      expect(text).toContain(perInterval);
    });

    it('links back to the cancel URL', () => {
      const { document } = render();
      const back = [...document.querySelectorAll('a')].find((a) => a.textContent?.includes('Cancel'));
      expect(back?.getAttribute('href')).toBe('http://localhost:3000/pricing');
    });

    it('shows a promotion and the discounted amount', () => {
      const { document, text } = render({
        promotion: { code: 'SAVE20', label: '20% off', amount_off: 580 },
        amountDueToday: 2320,
        amountThen: 2320,
      });
      expect(text).toContain('SAVE20');
      expect(text).toContain('20% off');
      expect(text).toContain('-$5.80');
      expect(document.querySelector('button[type=submit]')?.textContent).toBe('Pay $23.20');
    });

    it('says when a once-off promotion makes later periods cost more', () => {
      const { text } = render({ promotion: { code: 'TENOFF', label: '$10.00 off once', amount_off: 1000 }, amountDueToday: 1900, amountThen: 2900 });
      expect(text).toContain('$19.00 per month');
      expect(text).toContain('Then $29.00/month');
    });

    it('describes a trial and starts it without charging', () => {
      const { document, text } = render({ trialDays: 14, amountDueToday: 0, amountThen: 2900 });
      expect(text).toContain('14-day free trial, then $29.00/month');
      expect(text).toMatch(/Due today\s*\$0\.00/);
      expect(document.querySelector('button[type=submit]')?.textContent).toBe('Start trial');
    });

    it('formats zero-decimal and three-decimal currencies in their minor units', () => {
      expect(render({ price: { amount: 2900, currency: 'jpy', interval: 'month' }, amountDueToday: 2900, amountThen: 2900 }).text).toContain('¥2,900 per month');
      expect(render({ price: { amount: 1500, currency: 'kwd', interval: 'year' }, amountDueToday: 1500, amountThen: 1500 }).text).toContain('KWD 1.500 per year');
    });

    it('shows the processor error in an alert tied to the card number, refilling only safe values', () => {
      const { document } = render({
        error: { code: 'card_declined', message: 'Your card was declined.' },
        values: { card_exp: '12 / 30', postal_code: '94105' },
      });
      const alert = document.querySelector('[role=alert]')!;
      expect(alert.textContent).toBe('Your card was declined.');
      expect(alert.getAttribute('data-code')).toBe('card_declined');
      const number = document.querySelector<HTMLInputElement>('input[name=card_number]')!;
      expect(number.getAttribute('aria-describedby')).toBe(alert.id);
      expect(number.getAttribute('aria-invalid')).toBe('true');
      expect(number.value).toBe('');
      expect(document.querySelector<HTMLInputElement>('input[name=card_cvc]')!.value).toBe('');
      expect(document.querySelector<HTMLInputElement>('input[name=card_exp]')!.value).toBe('12 / 30');
      expect(document.querySelector<HTMLInputElement>('input[name=postal_code]')!.value).toBe('94105');
    });

    it('has an empty alert region and no invalid fields without an error', () => {
      const { document } = render();
      expect(document.querySelector('[role=alert]')?.textContent).toBe('');
      expect(document.querySelector('[aria-invalid]')).toBeNull();
    });
  });

  it('authenticate: offers to complete or fail the challenge, posting to the form action', () => {
    const { document, text } = render({ state: 'authenticate' });
    expect(document.querySelector('input[name=card_number]')).toBeNull();
    expect(text).toContain('Confirm this payment');
    const form = document.querySelector('form')!;
    expect(form.method).toBe('post');
    expect(form.getAttribute('action')).toBe('/billing/checkout/cs_test_123');
    const buttons = [...form.querySelectorAll('button')].map((b) => [b.name, b.value, b.textContent]);
    expect(buttons).toEqual([
      ['authenticate', 'approve', 'Complete authentication'],
      ['authenticate', 'fail', 'Fail authentication'],
    ]);
  });

  it('complete: confirms and links to the success URL, with no form', () => {
    const { document, text } = render({ state: 'complete', successUrl: 'http://localhost:3000/welcome?session_id=cs_1' });
    expect(document.querySelector('form')).toBeNull();
    expect(text).toContain('Payment successful');
    const next = [...document.querySelectorAll('a')].find((a) => a.textContent === 'Continue');
    expect(next?.getAttribute('href')).toBe('http://localhost:3000/welcome?session_id=cs_1');
  });

  it('complete with a trial: says the trial started', () => {
    expect(render({ state: 'complete', trialDays: 7, successUrl: '/ok' }).text).toContain('Your trial has started');
  });

  it('expired: says so and links back to the app, with no form', () => {
    const { document, text } = render({ state: 'expired' });
    expect(document.querySelector('form')).toBeNull();
    expect(text).toContain('This checkout has expired');
    const back = [...document.querySelectorAll('a')].find((a) => a.textContent === 'Return to the app');
    expect(back?.getAttribute('href')).toBe('http://localhost:3000/pricing');
  });

  describe('escaping', () => {
    it('never interpolates markup from the plan, promotion, error or refilled values', () => {
      const { html, document } = render({
        plan: { name: XSS, description: XSS },
        promotion: { code: XSS, label: XSS, amount_off: 100 },
        error: { code: XSS, message: XSS },
        values: { card_exp: `"><script>alert(1)</script>`, postal_code: XSS },
        formAction: `/x"><script>alert(1)</script>`,
      });
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(document.querySelectorAll('img')).toHaveLength(0);
      expect(document.querySelectorAll('script')).toHaveLength(1); // the page's own enhancement script
      expect(document.querySelector('h1')?.textContent).toBe(`Subscribe to ${XSS}`);
      expect(document.querySelector('[role=alert]')?.textContent).toBe(XSS);
      expect(document.querySelector<HTMLInputElement>('input[name=postal_code]')?.value).toBe(XSS);
    });

    it('refuses script URLs as link targets', () => {
      for (const url of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>x</b>']) {
        const { document } = render({ state: 'expired', cancelUrl: url });
        for (const a of document.querySelectorAll('a')) expect(a.getAttribute('href')).toBe('#');
      }
    });
  });
});
