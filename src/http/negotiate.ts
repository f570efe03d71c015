import type { Context } from 'hono'
import { accepts } from 'hono/accepts'

/** True when the client prefers JSON over HTML (`Accept: application/json`). */
export const wantsJson = (c: Context) =>
  // Browsers send a long Accept that never names JSON: no need to parse it.
  /json/i.test(c.req.raw.headers.get('Accept') ?? '') &&
  accepts(c, {
    header: 'Accept',
    supports: ['text/html', 'application/json'],
    default: 'text/html',
  }) === 'application/json'
