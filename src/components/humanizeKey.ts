// Words that read as acronyms, upper-cased whole: `api_access` → "API access".
const acronyms = new Set(['api', 'sso', 'saml', 'sla', 'ui', 'id', 'url', 'pdf', 'csv', 'gb', 'mb', 'tb', 'ai', 'cdn', 'ip', 'dns', 'ssl', 'vat']);

/**
 * A readable English label for a feature or metric key, used when the app gives none:
 * `5_seats` → "5 seats", `basic_analytics` → "Basic analytics", `api_access` →
 * "API access", `storage_gb` → "Storage GB".
 */
export function humanizeKey(key: string): string {
  const words = key.split(/[_\-.\s]+/).filter(Boolean);
  return words
    .map((word, index) => {
      const lower = word.toLowerCase();
      if (acronyms.has(lower)) return lower.toUpperCase();
      return index === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
    })
    .join(' ');
}
