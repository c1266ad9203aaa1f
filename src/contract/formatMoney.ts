const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormat(locale: string | undefined, currency: string): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() });
    formatters.set(key, format);
  }
  return format;
}

/**
 * Formats an amount in minor units (as the wire carries it) for display:
 * `formatMoney(900, 'usd')` → `"$9.00"`, `formatMoney(900, 'jpy')` → `"¥900"`,
 * `formatMoney(1500, 'kwd')` → `"KWD 1.500"`. The number of minor-unit digits is the
 * currency's own, as `Intl` knows it (JPY 0, USD 2, KWD 3), so zero- and three-decimal
 * currencies come out right. This is the one money formatter of Billkit's browser side.
 *
 * @param amount Minor units, e.g. `2900` for $29.00.
 * @param currency ISO 4217 code, any case (`usd`, `EUR`).
 * @param locale BCP 47 locale; defaults to the runtime's.
 */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  const format = currencyFormat(locale, currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}
