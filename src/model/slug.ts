/** What a stored slug looks like (ingest/slug.ts makes them): anything else names nothing. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const MAX_SLUG = 120

export const isSlug = (slug: string) => slug.length <= MAX_SLUG && SLUG_PATTERN.test(slug)
