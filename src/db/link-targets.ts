import { sql } from 'drizzle-orm'
import type { Block, Span } from '../model/article'
import { linkKey } from '../model/link-key'

/**
 * The stored articles an article's text links to, for the read statement (article-read.ts): two
 * lists of `[key, slug]` pairs, its link targets (`links`) that are this site's page of a live,
 * published article, and those that are the `link_key` of one's sourceUrl. Two subqueries, each
 * lookup on its own index (a union would be walked as a temporary table). An article linking to
 * itself keeps its link as written (`Originally at …` means the original).
 */
export const LINK_TARGETS = sql.raw(`json_array(
  json((SELECT json_group_array(json_array(l.url_key, o.slug))
    FROM links l JOIN articles o ON o.slug = substr(l.url_key, 11)
    WHERE l.article_id = articles.id AND l.url_key GLOB '/articles/*'
      AND +o.deleted_at IS NULL AND +o.status = 'published' AND o.id <> l.article_id)),
  json((SELECT json_group_array(json_array(l.url_key, o.slug))
    FROM links l JOIN articles o ON o.link_key = l.url_key
    WHERE l.article_id = articles.id
      AND +o.deleted_at IS NULL AND +o.status = 'published' AND o.id <> l.article_id)))`)

/** The pairs as a map: a key that names several articles (http and https) names the first slug. */
export function linkTargets(json: string | null): Map<string, string> {
  const targets = new Map<string, string>()
  const [pages, sources] = JSON.parse(json ?? '[[], []]') as [string, string][][]
  for (const [key, slug] of [...(pages ?? []), ...(sources ?? [])]) {
    const known = targets.get(key)
    if (known === undefined || slug < known) targets.set(key, slug)
  }
  return targets
}

/** The body with `localHref` on each run whose target is one of `targets`. */
export function withLocalLinks(body: Block[], targets: ReadonlyMap<string, string>): Block[] {
  if (targets.size === 0) return body
  const local = (spans: Span[]) => spans.map((span) => withLocalHref(span, targets))
  return body.map((block) => {
    if (block.type === 'list') {
      if (!block.itemSpans) return block
      return { ...block, itemSpans: block.itemSpans.map((spans) => spans && local(spans)) }
    }
    return block.type === 'figure' || !block.spans ? block : { ...block, spans: local(block.spans) }
  })
}

function withLocalHref(span: Span, targets: ReadonlyMap<string, string>): Span {
  const key = span.href && linkKey(span.href)
  const slug = key && targets.get(key)
  if (!slug) return span
  const { text, href, ...marks } = span
  return { text, href, localHref: `/articles/${slug}`, ...marks }
}
