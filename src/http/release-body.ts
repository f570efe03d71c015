import { createMiddleware } from 'hono/factory'
import { releaseBody } from './upload-body'

/** After every response: a request body the app stopped reading is let go (see releaseBody). */
export const releaseBodies = createMiddleware(async (c, next) => {
  await next()
  await releaseBody(c.req.raw)
})
