import { Hono } from 'hono'
import type { AppEnv } from './env'
import { errorBody, handleError } from './http/handle-error'
import { limitWrites } from './http/rate-limit'
import { securityHeaders } from './http/security-headers'
import { apiDocs } from './routes/api-docs'
import { articlesApi } from './routes/articles-api'
import { bulkApi } from './routes/bulk-api'
import { listingPages, listingsApi } from './routes/listings'
import { articlePages } from './routes/pages'
import { searchApi, searchPage } from './routes/search'
import { siteFiles } from './routes/site-files'
import { uploadPage } from './routes/upload-page'

const app = new Hono<AppEnv>()
  .use(securityHeaders)
  .use(limitWrites)
  .get('/healthz', (c) => c.text('ok'))
  .route('/api/articles/bulk', bulkApi)
  .route('/api/articles', articlesApi)
  .route('/api/search', searchApi)
  .route('/api', listingsApi)
  .route('/articles', articlePages)
  .route('/upload', uploadPage)
  .route('/search', searchPage)
  .route('/', siteFiles)
  .route('/', apiDocs)
  .route('/', listingPages)

app.notFound((c) =>
  c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}.`), 404),
)
app.onError(handleError)

export default app
export type App = typeof app
