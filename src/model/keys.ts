/** API keys: what a key may do, and the shapes the keys API takes and answers. */
import { z } from 'zod'

/**
 * What a key may do. `admin` may do everything (the INGEST_TOKEN is an admin key); each other
 * scope opens one group of routes.
 */
export const SCOPES = ['articles:write', 'imports', 'webhooks', 'admin'] as const
export type Scope = (typeof SCOPES)[number]

/** Who is calling: the INGEST_TOKEN (an admin) or an API key. */
export type Principal =
  { kind: 'token'; scopes: Scope[] } | { kind: 'key'; id: string; scopes: Scope[] }

const iso = z.string().describe('ISO 8601')

export const newKey = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(z.enum(SCOPES))
    .min(1)
    .max(SCOPES.length)
    .describe('What the key may do; admin may do everything'),
  expiresAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('ISO 8601 date-time; refused from then on'),
})
export type NewKey = z.infer<typeof newKey>

export const apiKey = z.strictObject({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(SCOPES)),
  /** The first characters of the secret, so a holder can tell which key a secret is. */
  prefix: z.string().describe('The first characters of the secret'),
  createdAt: iso,
  expiresAt: iso.nullable(),
  lastUsedAt: iso.nullable().describe('Within a minute'),
})
export type ApiKey = z.infer<typeof apiKey>

export const createdKey = z.strictObject({
  ...apiKey.shape,
  secret: z.string().describe('Shown this once: only its SHA-256 is stored'),
})

export const apiKeys = z.strictObject({ items: z.array(apiKey) })
