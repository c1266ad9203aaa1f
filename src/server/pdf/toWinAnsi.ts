/**
 * Text for pdf-lib's standard fonts, which encode only WinAnsi (Windows-1252): the
 * characters of `charset` (the font's `getCharacterSet()`) pass, spacing and dash
 * variants Intl likes to emit become their WinAnsi cousins, accented letters outside
 * WinAnsi lose their accents ("Łódź" → "Lodz"), and anything else becomes `fallback`.
 * Drawing an unencodable character would throw, so every string goes through here.
 */
export function toWinAnsi(text: string, charset: ReadonlySet<number>, fallback = '?'): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    out += winAnsiChar(char, charset, fallback);
  }
  return out;
}

// Intl output uses narrow/thin no-break spaces (fr-FR groups) and the real minus sign.
const LOOKALIKES: Record<string, string> = {
  '\u202f': '\u00a0',
  '\u2009': ' ',
  '\u2007': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '\u2013',
  '\u2015': '\u2014',
  '\u2032': "'",
  '\u2033': '"',
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u0131': 'i',
  '\t': ' ',
  '\n': ' ',
  '\r': ' ',
};

function winAnsiChar(char: string, charset: ReadonlySet<number>, fallback: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (charset.has(code)) return char;
  const lookalike = LOOKALIKES[char];
  if (lookalike !== undefined) return lookalike;
  const stripped = char.normalize('NFKD').replace(/\p{M}/gu, '');
  if (stripped && stripped !== char && [...stripped].every((c) => charset.has(c.codePointAt(0) ?? 0))) return stripped;
  return fallback;
}

/**
 * A formatted amount for a WinAnsi font: when the currency symbol cannot be encoded
 * (₹, ₩, ₪, ...) it is replaced by the ISO code, spaced from the digits
 * ("₹1,234.00" → "INR 1,234.00"); "€", "£" and "¥" are WinAnsi and stay.
 */
export function moneyToWinAnsi(formatted: string, currency: string, charset: ReadonlySet<number>): string {
  const marker = '\u0000';
  const text = toWinAnsi(formatted, charset, marker);
  if (!text.includes(marker)) return text;
  const code = currency.toUpperCase();
  return text
    // eslint-disable-next-line no-control-regex -- NUL is the placeholder this pass replaces
    .replace(/\u0000+/g, (_run, offset: number, whole: string) => {
      const before = whole[offset - 1];
      const after = whole[offset + _run.length];
      const left = before && /[\d.,]/.test(before) ? ' ' : '';
      const right = after && /[\d.,]/.test(after) ? ' ' : '';
      return `${left}${code}${right}`;
    })
    .trim();
}
