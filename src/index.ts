import { Hono } from 'hono'
import type { AppEnv } from './env'

const app = new Hono<AppEnv>()
app.get('/healthz', (c) => c.text('ok'))

export default app
