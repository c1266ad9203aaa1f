import { extractText, getMeta } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderInvoicePdf, type InvoicePdfInput } from '../../../src/server/pdf/renderInvoicePdf';

function input(overrides: Partial<InvoicePdfInput> = {}, invoice: Partial<InvoicePdfInput['invoice']> = {}): InvoicePdfInput {
  return {
    invoice: {
      id: 'in_3PqR7sKx92',
      amount_due: 2320,
      amount_paid: 2320,
      currency: 'usd',
      status: 'paid',
      period_start: '2025-05-01T00:00:00Z',
      period_end: '2025-06-01T00:00:00Z',
      created_at: '2025-05-01T00:00:00Z',
      pdf_url: '/api/proxy/billing/invoices/in_3PqR7sKx92/pdf',
      ...invoice,
    },
    number: 'BK-000123',
    issuer: { name: 'Billkit Demo Inc.', lines: ['1 Example Street', 'San Francisco, CA 94105'] },
    customer: { id: 'user_pro', kind: 'user', name: 'Ada Lovelace', email: 'ada@example.com' },
    lines: [
      {
        description: 'Pro (monthly)',
        quantity: 1,
        unit_amount: 2900,
        amount: 2900,
        period_start: '2025-05-01T00:00:00Z',
        period_end: '2025-06-01T00:00:00Z',
      },
    ],
    subtotal: 2900,
    discount: { description: 'SAVE20 (20% off)', amount: 580 },
    total: 2320,
    ...overrides,
  };
}

// pdf.js splits text into runs; joined with spaces and collapsed, phrases can be matched.
async function textOf(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(bytes.slice(), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('renderInvoicePdf', () => {
  it('renders a PDF document with the invoice facts', async () => {
    const bytes = await renderInvoicePdf(input());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = await textOf(bytes);
    for (const expected of [
      'Billkit Demo Inc.',
      'Invoice',
      'BK-000123',
      'in_3PqR7sKx92',
      'PAID',
      'May 1, 2025',
      'Jun 1, 2025',
      'Ada Lovelace',
      'ada@example.com',
      'user_pro',
      'Pro (monthly)',
      '$29.00',
      'SAVE20 (20% off)',
      '-$5.80',
      '$23.20',
      'Amount paid',
      'Amount due',
      '$0.00',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('sets the document metadata', async () => {
    const { info } = await getMeta((await renderInvoicePdf(input())).slice());
    expect(info).toMatchObject({ Title: 'Invoice BK-000123', Author: 'Billkit Demo Inc.', Creator: 'Billkit' });
    expect(String(info.CreationDate)).toMatch(/^D:20250501/);
  });

  it('shows what is still due on an open invoice', async () => {
    const text = await textOf(await renderInvoicePdf(input({}, { status: 'open', amount_paid: 0 })));
    expect(text).toContain('OPEN');
    expect(text).toContain('$23.20 due');
  });

  it('marks void and uncollectible invoices', async () => {
    expect(await textOf(await renderInvoicePdf(input({}, { status: 'void', amount_paid: 0 })))).toContain('VOID');
    expect(await textOf(await renderInvoicePdf(input({}, { status: 'uncollectible', amount_paid: 0 })))).toContain('UNCOLLECTIBLE');
  });

  it('formats zero-decimal JPY in whole yen', async () => {
    const bytes = await renderInvoicePdf(
      input(
        { lines: [{ description: 'Pro', quantity: 1, unit_amount: 2900, amount: 2900 }], subtotal: 2900, discount: null, total: 2900 },
        { currency: 'jpy', amount_due: 2900, amount_paid: 2900 },
      ),
    );
    const text = await textOf(bytes);
    expect(text).toContain('¥2,900');
    expect(text).not.toContain('¥29.00');
  });

  it('formats three-decimal KWD with three decimals', async () => {
    const bytes = await renderInvoicePdf(
      input(
        { lines: [{ description: 'Pro', quantity: 1, unit_amount: 1500, amount: 1500 }], subtotal: 1500, discount: null, total: 1500 },
        { currency: 'kwd', amount_due: 1500, amount_paid: 1500 },
      ),
    );
    expect(await textOf(bytes)).toContain('KWD 1.500');
  });

  it('formats money and dates in the given locale', async () => {
    const text = await textOf(await renderInvoicePdf(input({ locale: 'de-DE' }, { currency: 'eur' })));
    expect(text).toContain('29,00 €');
    expect(text).toContain('01.05.2025');
  });

  it('replaces currency symbols the PDF font cannot encode with the ISO code', async () => {
    const text = await textOf(await renderInvoicePdf(input({}, { currency: 'inr' })));
    expect(text).toContain('INR 29.00');
  });

  it('survives text outside the font (emoji, CJK, Polish) and very long descriptions', async () => {
    const long = `Seats for the Łódź office 🚀 東京 ${'and a very long description '.repeat(200)}${'x'.repeat(400)}`;
    const lines = Array.from({ length: 30 }, (_, i) => ({ description: `${long} #${i}`, quantity: 2, unit_amount: 500, amount: 1000 }));
    const bytes = await renderInvoicePdf(input({ lines, subtotal: 30_000, discount: null, total: 30_000, customer: { id: 'org_acme', kind: 'org', name: 'Zoë & Łukasz 🚀' } }));
    const text = await textOf(bytes);
    expect(text).toContain('Lódz office'); // ź is outside WinAnsi, ó is not
    expect(text).toContain('Zoë & Lukasz');
    expect(text).toContain('Organization org_acme');
    expect(text).toContain('Page 1 of');
    expect(text).toContain('$300.00');
    // Each description is cut after a few lines with an ellipsis (its "#n" tail is gone).
    expect(text).toContain('\u2026');
    expect(text).not.toMatch(/#\d+/);
  });
});
