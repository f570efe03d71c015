import { Hono } from 'hono'
import type { AppEnv } from './env'
import { answerBookmark } from './http/d1-session'
import { errorBody, handleError } from './http/handle-error'
import { methodsServed } from './http/method-not-allowed'
import { drainAfterWrites } from './http/outbox'
import { limitWrites } from './http/rate-limit'
import { releaseBodies } from './http/release-body'
import { operation, textOf } from './http/operation'
import { securityHeaders } from './http/security-headers'
import { apiDocs } from './routes/api-docs'
import { articlesApi } from './routes/articles-api'
import { bulkApi } from './routes/bulk-api'
import { importsApi } from './routes/imports-api'
import { keysApi } from './routes/keys-api'
import { webhooksApi } from './routes/webhooks-api'
import { handleDeadDeliveries, handleDeliveries } from './webhooks/deliver'
import { drainOutbox } from './webhooks/outbox'
import { pruneWebhookLog } from './webhooks/retention'
import type { DeliveryMessage } from './model/webhooks'
import { handleImports, handleSchedule, publishScheduled } from './imports/handlers'
import type { WorkMessage } from './imports/context'
import type { Bindings } from './env'
import { listingPages, listingsApi } from './routes/listings'
import { maintenanceApi } from './routes/maintenance-api'
import { revisionsApi } from './routes/revisions-api'
import { articlePages } from './routes/pages'
import { previewKeysApi, previewPages, previewsApi } from './routes/previews'
import { searchApi, searchPage } from './routes/search'
import { siteFiles } from './routes/site-files'
import { uploadPage } from './routes/upload-page'

const app = new Hono<AppEnv>()
  .use(securityHeaders)
  .use(answerBookmark)
  .use(releaseBodies)
  .use(limitWrites)
  .use(drainAfterWrites)
  .get(
    '/healthz',
    operation({
      id: 'health',
      summary: 'Liveness: answers without touching storage',
      tag: 'Site',
      responses: { 200: { description: 'ok', content: textOf('text/plain') } },
    }),
    (c) => c.text('ok'),
  )
  .route('/api/articles/bulk', bulkApi)
  .route('/api/articles', articlesApi)
  .route('/api/articles', revisionsApi)
  .route('/api/articles', previewsApi)
  .route('/api/previews', previewKeysApi)
  .route('/api/search', searchApi)
  .route('/api/imports', importsApi)
  .route('/api/keys', keysApi)
  .route('/api/webhooks', webhooksApi)
  .route('/api/maintenance', maintenanceApi)
  .route('/api', listingsApi)
  .route('/articles', articlePages)
  .route('/preview', previewPages)
  .route('/upload', uploadPage)
  .route('/search', searchPage)
  .route('/', siteFiles)
  .route('/', listingPages)

// Generated from the routes above and these two, whenever it is first asked for.
app.route('/', apiDocs(app))

let served: ((path: string) => string[]) | undefined
app.notFound((c) => {
  served ??= methodsServed(app.routes)
  const allowed = served(c.req.path)
  // A route that ran and found nothing (c.notFound()) is a 404 like a path no route serves.
  if (allowed.length === 0 || allowed.includes(c.req.method)) {
    return c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}.`), 404)
  }
  const allow = allowed.join(', ')
  if (c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: allow })
  return c.json(
    errorBody('method_not_allowed', `${c.req.path} takes ${allow}, not ${c.req.method}.`),
    405,
    { Allow: allow },
  )
})
app.onError(handleError)

/** The outbox keeps what a failed drain did not send; the next one sends it. */
const logDrainFailure = (error: unknown) =>
  void console.error('webhook outbox drain failed:', error)

/** Which queue a batch came from: webhook deliveries (and their dead letters), else imports. */
const isWebhooks = (queue: string) => /-webhooks(-dlq)?$/.test(queue)

/**
 * HTTP requests; the work and webhook queues' messages (the events an import's work or a
 * publish wrote are sent on after it); the cron: the import sweeper, scheduled publishing, the
 * webhook log's retention and the webhook outbox.
 */
export default {
  fetch: app.fetch,
  queue: async (batch, env) => {
    if (!isWebhooks(batch.queue)) {
      await handleImports(batch as MessageBatch<WorkMessage>, env)
      return void (await drainOutbox(env).catch(logDrainFailure))
    }
    const deliveries = batch as MessageBatch<DeliveryMessage>
    if (batch.queue.endsWith('-dlq')) await handleDeadDeliveries(deliveries, env)
    else await handleDeliveries(deliveries, env)
  },
  scheduled: async (_controller, env) => {
    const passes = await Promise.allSettled([
      handleSchedule(env),
      publishScheduled(env),
      pruneWebhookLog(env),
    ])
    // After publishing: the article.published events it wrote go out in this run.
    await drainOutbox(env).catch(logDrainFailure)
    for (const pass of passes) if (pass.status === 'rejected') throw pass.reason
  },
} satisfies ExportedHandler<Bindings, WorkMessage | DeliveryMessage>

export { app }
export type App = typeof app
