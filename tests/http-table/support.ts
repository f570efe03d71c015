import { app } from '../../src/index'

export { call, type Answer } from '../helpers'

export const ORIGIN = 'http://example.test'
/** The seed's slug: the article every table works on. */
export const SLUG = 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground'

/** The value each path parameter takes, by the segment before it, else by its name. */
const SAMPLES: Record<string, string> = {
  'articles/:slug': SLUG,
  'revisions/:n': '1',
  'authors/:slug': 'alex-rodriguez',
  'tags/:slug': 'pakistan',
  ':year': '2011',
  ':month': '09',
  ':file': '1.xml',
  // The http table replaces it with a real job's id (setSample); elsewhere it names none.
  'imports/:id': 'no-such-import',
  'keys/:id': '0mxag0ql64k556m1f461y304a',
  'webhooks/:id': '0mxag0ql64k556m1f461y304a',
  'deliveries/:eventId': 'msg_0mxag0ql64k556m1f461y304a_r1',
  // Shaped like a token, signed by no key: refused (403). Upper case, so upper-casing keeps it.
  'preview/:token': `AAAA.${'A'.repeat(43)}`,
}

/** Sets a sample known only once the tests run (an import job's id). */
export function setSample(key: string, value: string): void {
  SAMPLES[key] = value
}

/** A value for a route parameter that names something the seed stored (see fillPath). */
export function sample(name: string, previous: string): string {
  const value = SAMPLES[`${previous}/:${name}`] ?? SAMPLES[`:${name}`]
  if (value === undefined) throw new Error(`Add a value for /${previous}/:${name} to SAMPLES.`)
  return value
}

/** app.routes lists a route once per handler (middleware included): one per method and path. */
export const ROUTES = [
  ...new Map(
    app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => [`${r.method} ${r.path}`, { method: r.method, path: r.path }]),
  ).values(),
]

export type Route = (typeof ROUTES)[number]

/** A segment of a route pattern: literal text, or a parameter with Hono's optional `{regex}`. */
function parseSegment(segment: string): { literal: string } | { name: string; regex?: string } {
  if (!segment.startsWith(':')) return { literal: segment }
  const brace = segment.indexOf('{')
  return brace === -1
    ? { name: segment.slice(1) }
    : { name: segment.slice(1, brace), regex: segment.slice(brace + 1, -1) }
}

/**
 * Fills a route pattern with values: `pick(name, previousSegment)` names each parameter's value;
 * a parameter that is a plain alternation (`:kind{authors|tags}`) takes each alternative in turn.
 */
export function fillPath(
  pattern: string,
  pick: (name: string, previous: string) => string,
): string[] {
  let paths = ['']
  for (const segment of pattern.split('/').slice(1)) {
    const part = parseSegment(segment)
    paths = paths.flatMap((path) => {
      const previous = path.slice(path.lastIndexOf('/') + 1)
      if ('literal' in part) return [`${path}/${part.literal}`]
      if (part.regex && /^\w+(\|\w+)+$/.test(part.regex)) {
        return part.regex.split('|').map((alternative) => `${path}/${alternative}`)
      }
      return [`${path}/${pick(part.name, previous)}`]
    })
  }
  return paths.map((path) => path || '/')
}

/** Whether a concrete path matches a route pattern (Hono's syntax). */
export function matches(pattern: string, path: string): boolean {
  const source = pattern
    .split('/')
    .map((segment) => {
      const part = parseSegment(segment)
      if ('literal' in part) return part.literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      return part.regex ? `(?:${part.regex})` : '[^/]+'
    })
    .join('/')
  return new RegExp(`^${source}$`).test(path)
}

/** The route that serves `method` at a concrete path, if any (HEAD is served by GET routes). */
export const routeFor = (method: string, path: string) =>
  ROUTES.find(
    (r) =>
      (r.method === method || (method === 'HEAD' && r.method === 'GET')) && matches(r.path, path),
  )

/** The methods served at a concrete path, in the order the app registers them; GET brings HEAD. */
export function allowedAt(path: string): string[] {
  const methods = [...new Set(ROUTES.map((r) => r.method))].filter((m) => routeFor(m, path))
  return methods.includes('GET') ? [...methods, 'HEAD'] : methods
}

/** What a case expects: a JSON error, an HTML page showing a text, or a reference's answer. */
export type Expected =
  | { status: number; code: string; message?: string; allow?: string }
  | { status: number; page: string }
  | { status: number; empty: true; allow?: string }
  | { status: number; items: [number, string, string][] }
  | { status: number; location: string }
  | { sameAs: string }
