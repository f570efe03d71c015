import type { Principal } from './model/keys'

/**
 * The worker's bindings are generated from wrangler.toml into worker-configuration.d.ts
 * (`npm run types`; a test fails when it is out of date). Secrets are not in wrangler.toml, so
 * they are declared here.
 */
declare global {
  namespace Cloudflare {
    interface Env {
      /** Bearer token required by every write route (`wrangler secret put`; `.dev.vars` locally). */
      INGEST_TOKEN: string
      /**
       * When bound, every webhook delivery goes through this service instead of `fetch`: the
       * tests bind a receiver here (vitest.config.ts). Nothing deployed binds it.
       */
      WEBHOOK_FETCHER?: Fetcher
    }
  }
}

export type Bindings = Cloudflare.Env

export type AppEnv = {
  Bindings: Bindings
  Variables: {
    /** Whose bearer secret the request carries (null: none, or not a valid one), once checked (auth.ts). */
    principal?: Principal | null
    /** Set on page routes: an error is an HTML page unless the client asks for JSON. */
    pageErrors?: boolean
  }
}
