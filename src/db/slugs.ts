import { SqlValue } from './rows'

/**
 * The first of `base`, `base-2`, `base-3`, … that no article uses, chosen inside the INSERT that
 * takes it: D1 runs one batch at a time, so writers wanting the same slug never collide and none
 * retries. The suffixes are counted up one indexed lookup each, as far as they are taken.
 */
export const freeSlug = (base: string) =>
  new SqlValue(
    `(
  WITH RECURSIVE taken(n) AS (
    SELECT 2
    UNION ALL
    SELECT n + 1 FROM taken WHERE EXISTS (SELECT 1 FROM articles WHERE slug = ? || '-' || n)
  )
  SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM articles WHERE slug = ?) THEN ?
              ELSE ? || '-' || max(n) END
  FROM taken
)`,
    [base, base, base, base],
  )
