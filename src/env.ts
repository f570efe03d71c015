/** Bindings and variables of the worker; see wrangler.toml and .dev.vars.example. */
export interface Bindings {
  DB: D1Database
  PAGES: KVNamespace
  /** Writes with the right bearer token, per client address (wrangler.toml [[ratelimits]]). */
  WRITE_LIMITER?: RateLimit
  /** Every other write (wrong or no token, the /upload form), per client address. */
  UNVERIFIED_WRITE_LIMITER?: RateLimit
  /** Bearer token required by every write route. A secret: never committed. */
  INGEST_TOKEN: string
  MAX_UPLOAD_BYTES?: string
  SITE_NAME?: string
  /** The origin of every absolute URL the site makes (canonical links, feeds, sitemap). */
  SITE_ORIGIN?: string
  MAX_BULK_ITEMS?: string
  MAX_BULK_BYTES?: string
  /** How long an isolate serves a page from memory before asking D1 again (ms; 0: every view). */
  CACHE_FRESHNESS_MS?: string
}

export type AppEnv = {
  Bindings: Bindings
  Variables: {
    /** Set by the rate limiter when it has already found the bearer token right (see auth.ts). */
    tokenVerified?: boolean
    /** Set on page routes: an error is an HTML page unless the client asks for JSON. */
    pageErrors?: boolean
  }
}
