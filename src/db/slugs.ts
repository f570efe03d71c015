import { SqlValue } from './rows'

/**
 * The first of `base`, `base-2`, `base-3`, … that no article uses, chosen inside the INSERT that
 * takes it: D1 runs one batch at a time, so writers wanting the same slug never collide and none
 * retries. The suffixes are counted up one indexed lookup each, as far as they are taken. The
 * base is bound once, so a multi-row insert fits more rows under D1's parameter limit.
 */
export const freeSlug = (base: string) =>
  new SqlValue(
    `(
  WITH RECURSIVE base(slug) AS (SELECT ?),
  taken(n) AS (
    SELECT 2
    UNION ALL
    SELECT n + 1 FROM taken, base
    WHERE EXISTS (SELECT 1 FROM articles WHERE articles.slug = base.slug || '-' || n)
  )
  SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM articles WHERE articles.slug = base.slug) THEN base.slug
              ELSE base.slug || '-' || max(n) END
  FROM taken, base
)`,
    [base],
  )

/**
 * Whether freeSlug may choose one slug for both bases: `a` and `a-3`, say. SQLite computes every
 * row of a multi-row INSERT before it stores one, so such rows go in statements of their own,
 * where each sees the slug the other took.
 */
export function mayChooseSameSlug(a: string, b: string): boolean {
  const suffixed = (longer: string, shorter: string) =>
    longer.length > shorter.length + 1 &&
    longer.startsWith(`${shorter}-`) &&
    /^\d+$/.test(longer.slice(shorter.length + 1))
  return a === b || suffixed(a, b) || suffixed(b, a)
}
