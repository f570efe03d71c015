import type { Bindings } from './env'
import type { Site } from './model/site'

/** Every `[vars]` setting, parsed and defaulted once per environment (see wrangler.toml). */
export interface Settings {
  siteName: string
  /**
   * Scheme, host and port every absolute URL is built on (canonical links, feeds, the sitemap),
   * without a trailing slash. Never taken from a request: a `Host` header cannot reach a page
   * that other readers are served from the cache.
   */
  siteOrigin: string
  maxUploadBytes: number
  /** The same for a saved HTML page sent by itself: real pages run to 1.5 MB. */
  maxHtmlUploadBytes: number
  maxBulkItems: number
  maxBulkBytes: number
  /** How long an isolate reuses an epoch it read, in ms (0: ask D1 on every view). */
  cacheFreshnessMs: number
  /** Import jobs: bytes of an archive, items of a job, items of a chunk, and when a quiet job's work is sent again (ms) or the job ended. */
  maxImportBytes: number
  maxImportItems: number
  importChunkItems: number
  importQuietMs: number
  importStallMs: number
  /** How long an isolate trusts an API key it checked before reading it from D1 again, in ms (0: every request). */
  keyTrustMs: number
  /** Webhooks may go to http(s)://127.0.0.1 (local development and tests only). */
  webhookAllowLocal: boolean
  /** The first retry's delay, in seconds; each later one doubles it (with jitter), up to an hour. */
  webhookRetryBaseSeconds: number
  /** Days a sent event and a delivery attempt are kept (the delivery log, redelivery). */
  webhookRetentionDays: number
  /** The site as pages see it: its name and origin. */
  site: Site
}

export const DEFAULT_SITE_ORIGIN = 'http://127.0.0.1:8787'

const DEFAULTS = {
  siteName: 'Edge Articles',
  maxUploadBytes: 1024 * 1024,
  maxHtmlUploadBytes: 2 * 1024 * 1024,
  /** D1 allows 1,000 queries per invocation on the paid plan; an item costs about four. */
  maxBulkItems: 200,
  maxBulkBytes: 16 * 1024 * 1024,
  cacheFreshnessMs: 1000,
  /** Cloudflare accepts request bodies up to 100 MB on the Free and Pro plans. */
  maxImportBytes: 100 * 1000 * 1000,
  maxImportItems: 1_000_000,
  /** A chunk of 50 items, even if each changes a stored article, stays within D1's per-invocation query limit with room to spare. */
  importChunkItems: 50,
  importQuietSeconds: 120,
  importStallSeconds: 3600,
  keyTrustMs: 1000,
  webhookRetryBaseSeconds: 30,
  webhookRetentionDays: 30,
}

/** A positive whole number from a `[vars]` string, else the default. */
function positive(configured: string | undefined, fallback: number): number {
  const value = Number(configured)
  return Number.isSafeInteger(value) && value > 0 ? value : fallback
}

/** `http(s)://host[:port]` from a configured URL; a path or trailing slash is dropped. */
export function parseOrigin(configured: string | undefined): string {
  if (!configured) return DEFAULT_SITE_ORIGIN
  try {
    const url = new URL(configured)
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin
  } catch {
    // falls through to the warning
  }
  console.warn('SITE_ORIGIN is not an http(s) URL; using', DEFAULT_SITE_ORIGIN)
  return DEFAULT_SITE_ORIGIN
}

const parsed = new WeakMap<Bindings, Settings>()

export function settingsOf(env: Bindings): Settings {
  let settings = parsed.get(env)
  if (!settings) {
    const freshness = Number(env.CACHE_FRESHNESS_MS ?? DEFAULTS.cacheFreshnessMs)
    const trust = Number(env.API_KEY_TRUST_MS ?? DEFAULTS.keyTrustMs)
    const siteName = env.SITE_NAME || DEFAULTS.siteName
    const siteOrigin = parseOrigin(env.SITE_ORIGIN)
    settings = {
      siteName,
      siteOrigin,
      site: { name: siteName, origin: siteOrigin },
      maxUploadBytes: positive(env.MAX_UPLOAD_BYTES, DEFAULTS.maxUploadBytes),
      maxHtmlUploadBytes: positive(env.MAX_HTML_UPLOAD_BYTES, DEFAULTS.maxHtmlUploadBytes),
      maxBulkItems: positive(env.MAX_BULK_ITEMS, DEFAULTS.maxBulkItems),
      maxBulkBytes: positive(env.MAX_BULK_BYTES, DEFAULTS.maxBulkBytes),
      cacheFreshnessMs: Number.isFinite(freshness) && freshness > 0 ? freshness : 0,
      maxImportBytes: positive(env.MAX_IMPORT_BYTES, DEFAULTS.maxImportBytes),
      maxImportItems: positive(env.MAX_IMPORT_ITEMS, DEFAULTS.maxImportItems),
      importChunkItems: positive(env.IMPORT_CHUNK_ITEMS, DEFAULTS.importChunkItems),
      importQuietMs: 1000 * positive(env.IMPORT_QUIET_SECONDS, DEFAULTS.importQuietSeconds),
      importStallMs: 1000 * positive(env.IMPORT_STALL_SECONDS, DEFAULTS.importStallSeconds),
      keyTrustMs: Number.isFinite(trust) && trust > 0 ? trust : 0,
      webhookAllowLocal: env.WEBHOOK_ALLOW_LOCAL === 'true',
      webhookRetryBaseSeconds: positive(
        env.WEBHOOK_RETRY_BASE_SECONDS,
        DEFAULTS.webhookRetryBaseSeconds,
      ),
      webhookRetentionDays: positive(env.WEBHOOK_RETENTION_DAYS, DEFAULTS.webhookRetentionDays),
    }
    parsed.set(env, settings)
  }
  return settings
}

/** The site as pages see it: its name and its configured origin, never a request's host. */
export const siteOf = (env: Bindings): Site => settingsOf(env).site
