import { SqlValue } from './rows'

/**
 * The first of `base`, `base-2`, `base-3`, … that no article uses, chosen inside the INSERT that
 * takes it: D1 runs one batch at a time, so writers wanting the same slug never collide and none
 * retries. A free base costs one indexed lookup; only a taken one counts suffixes up, one lookup
 * each, as far as they are taken. The recursive CTE sits in the branch a free base never reaches:
 * SQLite sets it up wherever it stands, and in a replay of an import's statements that setup cost
 * the article inserts five times their own work. The base is bound once, so a multi-row insert
 * fits more rows under D1's parameter limit.
 */
export const freeSlug = (base: string) =>
  new SqlValue(
    `(SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM articles WHERE articles.slug = b.slug) THEN b.slug
  ELSE (
    WITH RECURSIVE taken(n) AS (
      SELECT 2
      UNION ALL
      SELECT n + 1 FROM taken
      WHERE EXISTS (SELECT 1 FROM articles WHERE articles.slug = b.slug || '-' || n)
    )
    SELECT b.slug || '-' || max(n) FROM taken
  ) END
FROM (SELECT ? AS slug) AS b)`,
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
