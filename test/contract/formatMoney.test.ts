import { formatDate, formatInterval, formatMoney } from '../../src/index';

// Intl puts a no-break space between amount and symbol in de-DE.
const nbsp = '\u00a0';

describe('formatMoney', () => {
  it.each([
    ['usd', 2900, 'en-US', '$29.00'],
    ['usd', 2900, 'de-DE', `29,00${nbsp}$`],
    ['eur', 123456, 'en-US', '€1,234.56'],
    ['eur', 123456, 'de-DE', `1.234,56${nbsp}€`],
    ['jpy', 900, 'en-US', '¥900'],
    ['jpy', 900, 'de-DE', `900${nbsp}¥`],
    ['kwd', 1500, 'en-US', `KWD${nbsp}1.500`],
    ['kwd', 1500, 'de-DE', `1,500${nbsp}KWD`],
  ])('formats %s %i in %s as %s', (currency, amount, locale, expected) => {
    expect(formatMoney(amount, currency, locale)).toBe(expected);
  });

  it('reads minor units per currency: 900 is $9.00 but ¥900', () => {
    expect(formatMoney(900, 'usd', 'en-US')).toBe('$9.00');
    expect(formatMoney(900, 'jpy', 'en-US')).toBe('¥900');
  });

  it('accepts upper-case codes and zero', () => {
    expect(formatMoney(0, 'USD', 'en-US')).toBe('$0.00');
  });

  it('formats negative amounts (credits)', () => {
    expect(formatMoney(-1000, 'usd', 'en-US')).toBe('-$10.00');
  });
});

describe('formatInterval', () => {
  it('names intervals in the locale', () => {
    expect(formatInterval('month', 'en-US')).toBe('month');
    expect(formatInterval('year', 'en-US')).toBe('year');
    expect(formatInterval('week', 'en-US')).toBe('week');
    expect(formatInterval('day', 'en-US')).toBe('day');
    expect(formatInterval('month', 'de-DE')).toBe('Monat');
    expect(formatInterval('year', 'de-DE')).toBe('Jahr');
  });

  it('names a price without interval "one-time"', () => {
    expect(formatInterval(null, 'en-US')).toBe('one-time');
  });

  it('prefers names given as labels', () => {
    expect(formatInterval('month', 'en-US', { month: 'mo' })).toBe('mo');
    expect(formatInterval(null, 'en-US', { one_time: 'once' })).toBe('once');
    expect(formatInterval('year', 'en-US', { month: 'mo' })).toBe('year');
  });
});

describe('formatDate', () => {
  it('formats the UTC date of a wire timestamp in the locale', () => {
    expect(formatDate('2025-05-01T00:00:00Z', 'en-US')).toBe('May 1, 2025');
    expect(formatDate('2025-05-01T00:00:00Z', 'de-DE')).toBe('01.05.2025');
  });
});
