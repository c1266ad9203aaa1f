import type { SubjectKind } from './store/records';

/**
 * The store's name for a billed subject: `user:<id>` or `org:<id>`. Users and orgs are
 * named by different claims of different systems, so an org whose id happens to equal a
 * user's (`org_id: "user_pro"`) must never see or pay for that user's billing; the prefix
 * keeps the two apart everywhere below the auth layer. The wire keeps the plain ids.
 */
export function subjectKey(kind: SubjectKind, id: string): string {
  return `${kind}:${id}`;
}

/** The kind and plain id of a {@link subjectKey}. */
export function parseSubjectKey(key: string): { kind: SubjectKind; id: string } {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  if (colon < 0 || (kind !== 'user' && kind !== 'org')) throw new TypeError(`Not a subject key: ${JSON.stringify(key)}`);
  return { kind, id: key.slice(colon + 1) };
}
