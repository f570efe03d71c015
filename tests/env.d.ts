/// <reference types="vite/client" />
import type { D1Migration } from 'cloudflare:test'

declare global {
  namespace Cloudflare {
    interface Env {
      /** drizzle/ as D1 migrations, applied by tests/apply-migrations.ts (vitest.config.ts). */
      TEST_MIGRATIONS: D1Migration[]
    }
  }
}
