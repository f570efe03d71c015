import { createDb } from '../db/client'
import { getArticle, getArticlesByIds } from '../db/article-read'
import { currentKey, keyById, retireKeys } from '../db/preview-keys'
import type { Bindings } from '../env'
import { AppError, notFound } from '../errors'
import { newId } from '../lib/hash'
import type { Article } from '../model/article'
import { newSecret, parseToken, signToken, verifyToken } from './token'

/**
 * Private preview links: made for an article, they show its current state (by id, so later
 * edits show) to whoever holds one, until it expires or the keys are retired. Keys and articles
 * are read from the primary on every use and never remembered by an isolate: a re-key refuses
 * every older link at once, everywhere, for one indexed read per view (a replica might not have
 * seen the re-key yet).
 */

export const PREVIEW_SECONDS = { default: 7 * 24 * 3600, min: 60, max: 30 * 24 * 3600 }

const iso = (seconds: number) => new Date(seconds * 1000).toISOString()

/** A token for the article at `slug`, valid for `seconds`; 404 when there is no live article. */
export async function makePreview(
  env: Bindings,
  slug: string,
  seconds: number,
  now = Date.now(),
): Promise<{ token: string; expiresAt: string }> {
  const db = createDb(env.DB)
  const article = await getArticle(db, slug)
  if (!article) throw notFound()
  const key = await currentKey(db, { id: newId(), secret: newSecret() })
  const expiresAt = Math.floor(now / 1000) + seconds
  const token = await signToken(key.secret, { articleId: article.id, expiresAt, keyId: key.id })
  return { token, expiresAt: iso(expiresAt) }
}

const invalid = () =>
  new AppError(403, 'invalid_preview', 'This preview link is not valid: check it was copied whole.')

/**
 * The article a token shows, as it is now. Checked in this order, so only a link this site
 * signed learns more than "not valid": the signature (403 invalid_preview), the key (403
 * preview_revoked), the expiry (410 preview_expired), the article (404 not_found).
 */
export async function openPreview(
  env: Bindings,
  token: string,
  now = Date.now(),
): Promise<{ article: Article; expiresAt: string }> {
  const parsed = parseToken(token)
  if (!parsed) throw invalid()
  const db = createDb(env.DB)
  const key = await keyById(db, parsed.claim.keyId)
  if (!key || !(await verifyToken(key.secret, parsed))) throw invalid()
  if (key.retiredAt !== null) {
    throw new AppError(
      403,
      'preview_revoked',
      'Preview links were re-keyed after this one was made: ask for a new link.',
    )
  }
  const expiresAt = iso(parsed.claim.expiresAt)
  if (parsed.claim.expiresAt * 1000 <= now) {
    throw new AppError(410, 'preview_expired', `This preview link expired at ${expiresAt}.`)
  }
  const [article] = await getArticlesByIds(db, [parsed.claim.articleId])
  if (!article) throw notFound()
  return { article, expiresAt }
}

/** Retires every signing key: each link made so far is refused; the next link makes a new key. */
export const rekeyPreviews = (env: Bindings, now = Date.now()) =>
  retireKeys(createDb(env.DB), new Date(now).toISOString())
