import type { Context } from 'hono'
import { pageKey, readPage, scopeEpoch, writePage, type CachedPage } from '../cache/pages'
import { createDb } from '../db/client'
import type { AppEnv } from '../env'
import { sha256Hex } from '../lib/hash'

const HTML_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'public, max-age=0, must-revalidate',
  Vary: 'Accept',
}

/**
 * Serves a page from KV, or renders it (from D1) and stores it for the next reader. The epoch is
 * read before the page is rendered, so what is stored under an epoch is never older than it.
 */
export async function serveCachedPage(
  c: Context<AppEnv>,
  scope: string,
  variant: string,
  render: () => Promise<string | null>,
): Promise<Response | null> {
  const epoch = await scopeEpoch(createDb(c.env.DB), scope)
  const key = pageKey(scope, epoch, variant)
  const cached = await readPage(c.env.PAGES, key)
  if (cached) return respond(c, cached, 'HIT')

  const body = await render()
  if (body === null) return null
  const page = { body, etag: `"${(await sha256Hex(body)).slice(0, 32)}"` }
  c.executionCtx.waitUntil(writePage(c.env.PAGES, key, page))
  return respond(c, page, 'MISS')
}

function respond(c: Context<AppEnv>, page: CachedPage, cache: 'HIT' | 'MISS'): Response {
  const headers = { ...HTML_HEADERS, ETag: page.etag, 'X-Cache': cache }
  if (matchesEtag(c.req.header('If-None-Match'), page.etag)) {
    return c.body(null, 304, headers)
  }
  return c.body(page.body, 200, headers)
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return (
    header.trim() === '*' ||
    header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
  )
}
