const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and quoted attribute values. Every string the
 * server pages interpolate goes through here (or `safeHref` for links).
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/**
 * An escaped `href` for an app-supplied URL: only `http(s)` and relative URLs pass, so a
 * `javascript:` URL stored in a session can never run on the checkout page.
 */
export function safeHref(url: string): string {
  // Browsers drop tabs and newlines inside URLs ("java\tscript:"), so judge the scheme without them.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is stripped here
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  return escapeHtml(scheme === undefined || scheme === 'http' || scheme === 'https' ? url.trim() : '#');
}
