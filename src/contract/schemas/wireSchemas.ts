import { z } from 'zod';

/** What a wire schema is known by in the OpenAPI document: its component name and a sentence. */
export interface WireSchemaMeta {
  id: string;
  description?: string;
}

/**
 * The named wire schemas (`.register(wireSchemas, { id })` beside each definition): the
 * OpenAPI document's `components.schemas` are generated from this registry, and a schema
 * that another one uses becomes a `$ref` to it. Server-only: the browser never imports zod.
 */
export const wireSchemas = z.registry<WireSchemaMeta>();

/** An instant on the wire: ISO 8601 with an offset (the proxy always sends `Z`). */
export const timestampSchema = z.iso.datetime({ offset: true });

/** A plain id sent in a body or query (a price, a promotion code, a cursor). */
export const idSchema = z.string().min(1).max(200);

/** The body of a POST that takes no fields (resume, pay, setup): `{}`, or no body at all. */
export const emptyBodySchema = z.object({}).register(wireSchemas, { id: 'EmptyBody', description: 'No fields; the body may be left out.' });
