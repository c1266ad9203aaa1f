const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats a wire timestamp (ISO 8601) as a date: `formatDate('2025-05-01T00:00:00Z', 'en-US')`
 * → `"May 1, 2025"`. Billing periods start and end at UTC instants, so dates are shown in
 * UTC: a period ending at midnight UTC never shows as the day before in the Americas.
 *
 * @param locale BCP 47 locale; defaults to the runtime's.
 */
export function formatDate(iso: string, locale?: string): string {
  const key = locale ?? '';
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    formatters.set(key, format);
  }
  return format.format(new Date(iso));
}
