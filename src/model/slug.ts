/** What a stored article slug looks like (ingest/slug.ts makes them): anything else names nothing. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const MAX_SLUG = 120

export const isSlug = (slug: string) => slug.length <= MAX_SLUG && SLUG_PATTERN.test(slug)

/**
 * What a path segment naming an author or tag may hold, decoded: letters, digits and combining
 * marks of any script, and dashes. Their slugs (ingest/name-slug.ts) are such, at most 80 code
 * points; a segment may be longer in code units (a decomposed form redirects to the slug).
 */
export const NAME_SEGMENT_PATTERN = /^[\p{L}\p{N}\p{M}-]+$/u
export const MAX_NAME_SEGMENT = 640
