/**
 * Stands in for packages that hono-openapi's schema adapters import only for other validation
 * libraries (valibot, effect, sury, zod v3): this app describes zod 4 schemas, which need none
 * of them. Aliased in wrangler.toml, so the bundle holds no import it cannot resolve.
 */
export default undefined
