import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'
import { receiver } from './tests/webhooks/receiver'

// Keep wrangler and miniflare from calling home during tests (see docs/operations.md, "Offline").
process.env.WRANGLER_SEND_METRICS ??= 'false'
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false'

export default defineConfig(async () => ({
  test: {
    projects: [
      {
        // The worker, its parsers and views: inside workerd with real D1 and KV.
        plugins: [
          cloudflareTest({
            main: './src/index.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations(`${import.meta.dirname}/drizzle`),
                INGEST_TOKEN: 'test-token',
                SITE_ORIGIN: 'http://example.test',
                // Small bulk limits so tests reach them cheaply.
                MAX_BULK_ITEMS: '25',
                MAX_BULK_BYTES: String(2 * 1024 * 1024),
                MAX_IMPORT_BYTES: String(1024 * 1024),
                // Webhooks may go to 127.0.0.1 here (off in wrangler.toml), and retry within seconds.
                WEBHOOK_ALLOW_LOCAL: 'true',
                WEBHOOK_RETRY_BASE_SECONDS: '1',
              },
              // Every webhook delivery goes to this receiver, which runs in Node and verifies each
              // with the standardwebhooks package (tests/webhooks/receiver.ts).
              serviceBindings: { WEBHOOK_FETCHER: receiver },
              // Low write limits, so the rate-limit test reaches them in a few requests.
              ratelimits: {
                WRITE_LIMITER: { simple: { limit: 5, period: 60 } },
                UNVERIFIED_WRITE_LIMITER: { simple: { limit: 5, period: 60 } },
                RENDER_LIMITER: { simple: { limit: 5, period: 60 } },
              },
            },
          }),
        ],
        test: {
          name: 'workers',
          // Generous: a loaded 2-core machine runs workerd, D1 and KV on the same cores.
          testTimeout: 30_000,
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/**/*.node.test.ts'],
          setupFiles: ['./tests/apply-migrations.ts'],
        },
      },
      {
        // Command-line tools that run on Node (the ingest CLI).
        test: { name: 'node', include: ['tests/**/*.node.test.ts'], environment: 'node' },
      },
      {
        // The pages in Debian's Chromium against a real `wrangler dev` (npm run test:e2e).
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['./tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
}))
