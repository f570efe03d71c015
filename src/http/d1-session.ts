import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { sessionDb, type Db } from '../db/client'
import type { AppEnv } from '../env'
import { AppError } from '../errors'
import { settingsOf } from '../settings'

/**
 * Requests read D1 through its Sessions API, so a read replica near the reader may answer (when
 * read replication is on for the database; without it every session is the primary). A client
 * that wrote carries its write's bookmark and sends it back; a session started from a bookmark
 * reads nothing older than it. See docs/operations.md, "Read replicas".
 */
export const BOOKMARK_HEADER = 'X-D1-Bookmark'
export const BOOKMARK_COOKIE = 'd1_bookmark'
/** The reads that follow a write; after them a browser reads from any replica again. */
const COOKIE_MAX_AGE_SECONDS = 300

/** D1 bookmarks are hex fields joined by dashes (`00000085-0000024c-00004c6d-8e61…`). */
const BOOKMARK = /^[0-9a-f]+(?:-[0-9a-f]+)*$/i
const MAX_BOOKMARK_LENGTH = 128
const isBookmark = (value: string) => value.length <= MAX_BOOKMARK_LENGTH && BOOKMARK.test(value)

const isRead = (method: string) => method === 'GET' || method === 'HEAD'

/**
 * Where the request's session starts. An empty header counts as none: clients that echo
 * `getBookmark() ?? ""` (as Cloudflare's examples do) send one.
 */
function sessionConstraint(c: Context<AppEnv>): string {
  const sent = c.req.header(BOOKMARK_HEADER)
  if (sent && !isBookmark(sent)) {
    throw new AppError(
      400,
      'invalid_bookmark',
      `${BOOKMARK_HEADER}: not a D1 bookmark (hex fields joined by dashes, at most ${MAX_BOOKMARK_LENGTH} characters); send back the one a response gave you, or none.`,
    )
  }
  // The primary is at least as new as any bookmark, and the reads a write makes (the stored
  // revision, the slugs taken) are then never older than what the write commits against.
  if (!isRead(c.req.method)) return 'first-primary'
  if (sent) return sent
  // A cookie is set by this API, but a browser sends whatever it holds: a bad one is ignored.
  const cookie = getCookie(c, BOOKMARK_COOKIE)
  return cookie && isBookmark(cookie) ? cookie : 'first-unconstrained'
}

const sessions = new WeakMap<Context, { session: D1DatabaseSession; db: Db }>()

/**
 * The request's drizzle client, over a D1 session made at its first use: a request that reads
 * no D1 (a page served from memory) makes none.
 */
export function dbOf(c: Context<AppEnv>): Db {
  let made = sessions.get(c)
  if (!made) {
    const session = c.env.DB.withSession(sessionConstraint(c))
    made = { session, db: sessionDb(session) }
    sessions.set(c, made)
  }
  return made.db
}

/** Whether the client sent a bookmark at all: two header lookups, nothing parsed. */
export function sentBookmark(c: Context<AppEnv>): boolean {
  const headers = c.req.raw.headers
  return !!headers.get(BOOKMARK_HEADER) || !!headers.get('Cookie')?.includes(`${BOOKMARK_COOKIE}=`)
}

/**
 * After a request that read D1: its session's bookmark, for the client to send back; after a
 * write, also as a cookie, so a browser's next pages read it back without doing anything.
 */
export const answerBookmark: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  const bookmark = sessions.get(c)?.session.getBookmark()
  // A response any cache may keep and serve to others (a page) carries nothing of one client.
  if (!bookmark || c.res.headers.get('Cache-Control')?.includes('public')) return
  c.res.headers.set(BOOKMARK_HEADER, bookmark)
  if (isRead(c.req.method) || c.res.status >= 500) return
  const secure = settingsOf(c.env).siteOrigin.startsWith('https:') ? '; Secure' : ''
  c.res.headers.append(
    'Set-Cookie',
    `${BOOKMARK_COOKIE}=${bookmark}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${COOKIE_MAX_AGE_SECONDS}${secure}`,
  )
}
