import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { as, errorBody, fixedClock } from '../../helpers/http';

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy({ now: fixedClock });
});
afterAll(() => proxy.close());

describe('GET /invoices/:id/pdf', () => {
  it('returns a real PDF of the caller’s invoice as an attachment', async () => {
    const client = as(proxy, 'user_pro');
    const invoice = (await client.get('/invoices?limit=1')).body.invoices[0];
    const res = await proxy.fetch(invoice.pdf_url, { headers: { Authorization: `Bearer ${await proxy.tokenFor('user_pro')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="invoice_${invoice.id}.pdf"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    expect(text).toContain('Paula Pro');
    expect(text).toContain('$29.00');
    expect(text).toMatch(/BK-\d{6}/);
  });

  it('is a 404 for an unknown invoice', async () => {
    const res = await as(proxy, 'user_pro').get('/invoices/in_nope/pdf');
    expect(res.status).toBe(404);
    expect(res.body).toEqual(errorBody('not_found'));
  });
});
