import { TrieRouter } from 'hono/router/trie-router'

interface RouteEntry {
  method: string
  path: string
}

/**
 * The methods the app serves at a path, for a `405` with `Allow` when a request names a path
 * that exists with another method (Hono alone answers those 404). Built once from `app.routes`;
 * middleware (method ALL) is not a route. GET implies HEAD.
 */
export function methodsServed(routes: readonly RouteEntry[]): (path: string) => string[] {
  const router = new TrieRouter<string>()
  const methods: string[] = []
  for (const { method, path } of routes) {
    if (method === 'ALL') continue
    router.add(method, path, method)
    if (!methods.includes(method)) methods.push(method)
  }
  return (path) => {
    const served = methods.filter((method) => router.match(method, path)[0].length > 0)
    return served.includes('GET') ? [...served, 'HEAD'] : served
  }
}
