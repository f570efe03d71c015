import { secureHeaders } from 'hono/secure-headers'
import { STYLE_HASH } from '../views/styles'

/**
 * Pages carry no script and load nothing from elsewhere: the inline stylesheet is allowed by its
 * hash, and everything else is refused.
 */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    styleSrc: [STYLE_HASH],
    imgSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
  crossOriginResourcePolicy: 'same-origin',
  referrerPolicy: 'strict-origin-when-cross-origin',
})
