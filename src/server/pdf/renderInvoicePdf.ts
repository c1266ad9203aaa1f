import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { formatDate } from '../../contract/formatDate';
import { formatMoney } from '../../contract/formatMoney';
import type { InvoiceStatus } from '../../contract/types';
import { moneyToWinAnsi, toWinAnsi } from './toWinAnsi';
import type { InvoicePdfInput } from './types';

export type { InvoicePdfInput } from './types';

// US Letter in points; margins and the right edge every right-aligned column hangs from.
const PAGE = { width: 612, height: 792 };
const MARGIN = 48;
const RIGHT = PAGE.width - MARGIN;
const BOTTOM = 72;

const INK = rgb(0.07, 0.09, 0.13);
const MUTED = rgb(0.39, 0.43, 0.5);
const RULE = rgb(0.86, 0.88, 0.91);
const ACCENT = rgb(0.31, 0.27, 0.9);
const SHADE = rgb(0.965, 0.97, 0.98);

const STATUS_STYLE: Record<InvoiceStatus, { label: string; fg: RGB; bg: RGB }> = {
  paid: { label: 'PAID', fg: rgb(0.02, 0.45, 0.25), bg: rgb(0.86, 0.97, 0.9) },
  open: { label: 'OPEN', fg: rgb(0.11, 0.31, 0.85), bg: rgb(0.88, 0.92, 1) },
  draft: { label: 'DRAFT', fg: rgb(0.3, 0.33, 0.39), bg: rgb(0.93, 0.94, 0.95) },
  void: { label: 'VOID', fg: rgb(0.3, 0.33, 0.39), bg: rgb(0.93, 0.94, 0.95) },
  uncollectible: { label: 'UNCOLLECTIBLE', fg: rgb(0.73, 0.11, 0.11), bg: rgb(1, 0.9, 0.9) },
};

// Table columns: description takes what the three right-aligned number columns leave.
const COL = { qty: RIGHT - 215, unit: RIGHT - 95, amount: RIGHT };
const DESCRIPTION_WIDTH = COL.qty - 40 - MARGIN;
// A line's description is cut after this many wrapped lines so every row fits on a page.
const MAX_DESCRIPTION_LINES = 8;

interface Pen {
  doc: PDFDocument;
  page: PDFPage;
  y: number;
  regular: PDFFont;
  bold: PDFFont;
  charset: ReadonlySet<number>;
}

/**
 * Renders an invoice as a one-page PDF (more pages only when the lines need them) with
 * pdf-lib's standard Helvetica, so it runs unchanged in Node and in the browser: issuer,
 * number, invoice id, issue date, period, billed-to, status, the lines, subtotal,
 * discount, total, amount paid and amount due. Money is formatted with `Intl` in the
 * currency's own minor units (JPY 0 decimals, KWD 3), dates in UTC.
 *
 * @example
 * const bytes = await renderInvoicePdf({ invoice, number: 'BK-000123', issuer: { name: 'Acme' }, customer, lines, subtotal: 2900, total: 2900 });
 */
export async function renderInvoicePdf(input: InvoicePdfInput): Promise<Uint8Array> {
  const { invoice } = input;
  const locale = input.locale ?? 'en-US';
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const charset = new Set(regular.getCharacterSet());
  const text = (s: string) => toWinAnsi(s, charset);
  const money = (amount: number) => moneyToWinAnsi(formatMoney(amount, invoice.currency, locale), invoice.currency, charset);
  const date = (iso: string) => text(formatDate(iso, locale));
  const period = (start: string, end: string) => `${date(start)} \u2013 ${date(end)}`;

  // Metadata: dated by the invoice (not the render) so the same invoice is the same file.
  const issued = new Date(invoice.created_at);
  doc.setTitle(text(`Invoice ${input.number}`), { showInWindowTitleBar: true });
  doc.setAuthor(text(input.issuer.name));
  doc.setSubject(text(`Invoice ${input.number} for ${input.customer.name ?? input.customer.id}`));
  doc.setCreator('Billkit');
  doc.setProducer('Billkit (pdf-lib)');
  doc.setLanguage(locale);
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);

  const pen: Pen = { doc, page: doc.addPage([PAGE.width, PAGE.height]), y: PAGE.height, regular, bold, charset };
  const status = STATUS_STYLE[invoice.status] ?? STATUS_STYLE.draft;

  // Header: accent bar, issuer on the left, title and status on the right.
  pen.page.drawRectangle({ x: 0, y: PAGE.height - 6, width: PAGE.width, height: 6, color: ACCENT });
  pen.y = PAGE.height - 62;
  draw(pen, text(input.issuer.name), MARGIN, pen.y, 15, bold, INK);
  let issuerY = pen.y - 16;
  for (const line of input.issuer.lines ?? []) {
    draw(pen, text(line), MARGIN, issuerY, 9, regular, MUTED);
    issuerY -= 12;
  }
  drawRight(pen, 'Invoice', RIGHT, pen.y - 4, 26, bold, INK);
  drawBadge(pen, status.label, RIGHT, pen.y - 32, status.fg, status.bg);

  // Facts on the left, billed-to on the right.
  pen.y = Math.min(issuerY, pen.y - 48) - 22;
  const facts: [string, string][] = [
    ['Invoice number', text(input.number)],
    ['Invoice ID', text(invoice.id)],
    ['Date of issue', date(invoice.created_at)],
    ['Billing period', period(invoice.period_start, invoice.period_end)],
  ];
  const top = pen.y;
  for (const [label, value] of facts) {
    draw(pen, label, MARGIN, pen.y, 9, regular, MUTED);
    draw(pen, value, MARGIN + 92, pen.y, 9, bold, INK);
    pen.y -= 15;
  }
  const billedX = PAGE.width / 2 + 40;
  let billedY = top;
  draw(pen, 'Billed to', billedX, billedY, 9, regular, MUTED);
  billedY -= 15;
  const customer = input.customer;
  const who = [customer.name, customer.email, `${customer.kind === 'org' ? 'Organization' : 'Customer'} ${customer.id}`];
  who.forEach((line, i) => {
    if (!line) return;
    draw(pen, truncate(text(line), i === 0 ? bold : regular, 9, RIGHT - billedX), billedX, billedY, 9, i === 0 ? bold : regular, i === 0 ? INK : MUTED);
    billedY -= 13;
  });

  // The headline: what this invoice asks for, or that it was paid.
  pen.y = Math.min(pen.y, billedY) - 26;
  const due = invoice.status === 'void' ? 0 : Math.max(input.total - invoice.amount_paid, 0);
  const headline =
    invoice.status === 'paid'
      ? `${money(invoice.amount_paid)} paid on ${date(invoice.created_at)}`
      : invoice.status === 'void'
        ? `${money(input.total)} voided`
        : `${money(due)} due`;
  draw(pen, headline, MARGIN, pen.y, 18, bold, INK);
  pen.y -= 34;

  // Lines table.
  drawTableHeader(pen);
  for (const line of input.lines) {
    const description = clampLines(wrap(text(line.description), regular, 10, DESCRIPTION_WIDTH), regular, 10, DESCRIPTION_WIDTH);
    const periodText = line.period_start && line.period_end ? period(line.period_start, line.period_end) : null;
    const tiers = (line.tiers ?? []).map((t) => truncate(text(tierText(t, money, locale)), regular, 8.5, DESCRIPTION_WIDTH));
    const height = description.length * 13 + (periodText ? 12 : 0) + tiers.length * 11 + 12;
    if (pen.y - height < BOTTOM) newPage(pen, input.number);
    const rowTop = pen.y;
    description.forEach((part, i) => draw(pen, part, MARGIN + 8, rowTop - i * 13, 10, regular, INK));
    if (periodText) draw(pen, periodText, MARGIN + 8, rowTop - description.length * 13, 8.5, regular, MUTED);
    const tiersTop = rowTop - description.length * 13 - (periodText ? 12 : 0);
    tiers.forEach((tier, i) => draw(pen, tier, MARGIN + 16, tiersTop - i * 11, 8.5, regular, MUTED));
    drawRight(pen, text(new Intl.NumberFormat(locale).format(line.quantity)), COL.qty, rowTop, 10, regular, INK);
    drawRight(pen, line.unit_amount === null ? '\u2013' : money(line.unit_amount), COL.unit, rowTop, 10, regular, INK);
    drawRight(pen, money(line.amount), COL.amount - 8, rowTop, 10, regular, INK);
    pen.y = rowTop - height + 4;
    pen.page.drawLine({ start: { x: MARGIN, y: pen.y + 6 }, end: { x: RIGHT, y: pen.y + 6 }, thickness: 0.5, color: RULE });
    pen.y -= 10;
  }

  // Totals, right-aligned under the amount column.
  const totals: [string, string, boolean][] = [['Subtotal', money(input.subtotal), false]];
  if (input.discount && input.discount.amount) {
    totals.push([text(input.discount.description), `-${money(input.discount.amount)}`, false]);
  }
  totals.push(['Total', money(input.total), true], ['Amount paid', money(invoice.amount_paid), false], ['Amount due', money(due), true]);
  if (pen.y - totals.length * 20 < BOTTOM) newPage(pen, input.number);
  const labelX = COL.qty - 40;
  pen.y -= 6;
  for (const [label, value, strong] of totals) {
    if (label === 'Amount due') {
      pen.page.drawRectangle({ x: labelX - 8, y: pen.y - 7, width: RIGHT - labelX + 8, height: 22, color: SHADE });
    }
    const font = strong ? bold : regular;
    draw(pen, truncate(label, font, 10, COL.amount - 108 - labelX), labelX, pen.y, 10, font, strong ? INK : MUTED);
    drawRight(pen, value, COL.amount - 8, pen.y, 10, font, INK);
    pen.y -= label === 'Total' ? 24 : 22;
  }

  drawFooters(pen, input);
  return doc.save();
}

/** A usage tier as applied: "13,500 at $2.00 per 1,000 (up to 100,000)". */
function tierText(tier: NonNullable<InvoicePdfInput['lines'][number]['tiers']>[number], money: (amount: number) => string, locale: string): string {
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  const per = tier.per === 1 ? 'each' : `per ${n(tier.per)}`;
  return `${n(tier.quantity)} at ${money(tier.unit_amount)} ${per} (${tier.up_to === null ? 'beyond the tiers above' : `up to ${n(tier.up_to)}`})`;
}

function draw(pen: Pen, s: string, x: number, y: number, size: number, font: PDFFont, color: RGB): void {
  pen.page.drawText(s, { x, y, size, font, color });
}

function drawRight(pen: Pen, s: string, right: number, y: number, size: number, font: PDFFont, color: RGB): void {
  draw(pen, s, right - font.widthOfTextAtSize(s, size), y, size, font, color);
}

function drawBadge(pen: Pen, label: string, right: number, y: number, fg: RGB, bg: RGB): void {
  const width = pen.bold.widthOfTextAtSize(label, 8.5) + 16;
  const x = right - width;
  pen.page.drawRectangle({ x, y: y - 5, width, height: 17, color: bg, borderColor: fg, borderWidth: 0.6, borderOpacity: 0.35 });
  draw(pen, label, x + 8, y, 8.5, pen.bold, fg);
}

function drawTableHeader(pen: Pen): void {
  pen.page.drawRectangle({ x: MARGIN, y: pen.y - 7, width: RIGHT - MARGIN, height: 22, color: SHADE });
  draw(pen, 'Description', MARGIN + 8, pen.y, 8.5, pen.bold, MUTED);
  drawRight(pen, 'Qty', COL.qty, pen.y, 8.5, pen.bold, MUTED);
  drawRight(pen, 'Unit price', COL.unit, pen.y, 8.5, pen.bold, MUTED);
  drawRight(pen, 'Amount', COL.amount - 8, pen.y, 8.5, pen.bold, MUTED);
  pen.y -= 26;
}

function newPage(pen: Pen, number: string): void {
  pen.page = pen.doc.addPage([PAGE.width, PAGE.height]);
  pen.y = PAGE.height - MARGIN - 10;
  draw(pen, toWinAnsi(`Invoice ${number} (continued)`, pen.charset), MARGIN, pen.y, 10, pen.bold, INK);
  pen.y -= 28;
  drawTableHeader(pen);
}

function drawFooters(pen: Pen, input: InvoicePdfInput): void {
  const pages = pen.doc.getPages();
  pages.forEach((page, i) => {
    const footer = toWinAnsi(`${input.number} \u00b7 ${input.issuer.name} \u00b7 Page ${i + 1} of ${pages.length}`, pen.charset);
    page.drawLine({ start: { x: MARGIN, y: 50 }, end: { x: RIGHT, y: 50 }, thickness: 0.5, color: RULE });
    page.drawText(footer, { x: MARGIN, y: 36, size: 8, font: pen.regular, color: MUTED });
  });
}

/** Greedy word wrap; a word wider than the column is cut so nothing runs off the page. */
function wrap(s: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of s.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
      if (current) lines.push(current);
      lines.push(rest.slice(0, cut));
      current = '';
      rest = rest.slice(cut);
    }
    const candidate = current ? `${current} ${rest}` : rest;
    if (font.widthOfTextAtSize(candidate, size) <= width) current = candidate;
    else {
      lines.push(current);
      current = rest;
    }
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}

/** Keeps the first `MAX_DESCRIPTION_LINES` lines, the last one ending in an ellipsis when text was cut. */
function clampLines(lines: string[], font: PDFFont, size: number, width: number): string[] {
  if (lines.length <= MAX_DESCRIPTION_LINES) return lines;
  const kept = lines.slice(0, MAX_DESCRIPTION_LINES);
  kept[kept.length - 1] = truncate(`${kept[kept.length - 1]}\u2026`, font, size, width);
  return kept;
}

/** Cuts a one-line value to the width with an ellipsis (WinAnsi has "…"). */
function truncate(s: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(s, size) <= width) return s;
  let end = s.length;
  while (end > 1 && font.widthOfTextAtSize(`${s.slice(0, end)}\u2026`, size) > width) end--;
  return `${s.slice(0, end)}\u2026`;
}
