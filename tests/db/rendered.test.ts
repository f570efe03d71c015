import { env } from 'cloudflare:test'
import { asc, eq, inArray, like, sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createDb } from '../../src/db/client'
import { rendered, renderedWithLists } from '../../src/db/rendered'
import { cacheEpochs, tags, webhookEndpoints } from '../../src/db/schema'

const db = createDb(env.DB)

const tagBySlug = rendered((db) =>
  db
    .select({ slug: tags.slug, name: tags.name })
    .from(tags)
    .where(eq(tags.slug, sql.placeholder('slug'))),
)

const tagsIn = renderedWithLists((db, slugs = []) =>
  db
    .select({ name: tags.name })
    .from(tags)
    .where(inArray(tags.slug, slugs))
    .orderBy(asc(tags.slug)),
)

const tagsInTwo = renderedWithLists((db, first = [], second = []) =>
  db
    .select({ slug: tags.slug })
    .from(tags)
    .where(sql`${inArray(tags.slug, first)} OR ${inArray(tags.name, second)}`)
    .orderBy(asc(tags.slug)),
)

const renameTags = rendered((db) =>
  db
    .update(tags)
    .set({ name: sql`${sql.placeholder('name')}` })
    .where(like(tags.slug, sql.placeholder('prefix')))
    .returning({ slug: tags.slug, name: tags.name }),
)

const endpointsEnabled = rendered((db) =>
  db
    .select({ id: webhookEndpoints.id, enabled: webhookEndpoints.enabled })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.enabled, sql.placeholder('enabled')))
    .orderBy(asc(webhookEndpoints.id)),
)

describe('queries rendered once, run on D1', () => {
  beforeEach(async () => {
    await db.delete(tags).where(like(tags.slug, 'rendered-%'))
    await db.insert(tags).values([
      { slug: 'rendered-a', name: 'Alpha' },
      { slug: 'rendered-b', name: 'Beta' },
      { slug: 'rendered-c', name: 'Gamma' },
    ])
  })

  it('fills its placeholders and maps rows by the select', async () => {
    expect(await tagBySlug.get(db, { slug: 'rendered-b' })).toEqual({
      slug: 'rendered-b',
      name: 'Beta',
    })
    expect(await tagBySlug.all(db, { slug: 'rendered-c' })).toEqual([
      { slug: 'rendered-c', name: 'Gamma' },
    ])
    expect(await tagBySlug.get(db, { slug: 'rendered-none' })).toBeUndefined()
  })

  it('refuses a run without a value for a placeholder', async () => {
    await expect(tagBySlug.all(db, {})).rejects.toThrow('No value for placeholder "slug"')
  })

  it('encodes a placeholder by its column, as drizzle does', async () => {
    await db.delete(webhookEndpoints).where(like(webhookEndpoints.id, 'rendered-%'))
    const endpoint = { url: 'https://example.test/hook', events: '[]', secret: 's' }
    await db.insert(webhookEndpoints).values([
      { ...endpoint, id: 'rendered-on', enabled: true },
      { ...endpoint, id: 'rendered-off', enabled: false },
    ])
    const ours = async (enabled: boolean) =>
      (await endpointsEnabled.all(db, { enabled })).filter((e) => e.id.startsWith('rendered-'))
    expect(await ours(true)).toEqual([{ id: 'rendered-on', enabled: true }])
    expect(await ours(false)).toEqual([{ id: 'rendered-off', enabled: false }])
    await db.delete(webhookEndpoints).where(like(webhookEndpoints.id, 'rendered-%'))
  })

  it('renders a list query for each length it meets, each with its own values', async () => {
    expect(await tagsIn.all(db, [['rendered-c', 'rendered-a']])).toEqual([
      { name: 'Alpha' },
      { name: 'Gamma' },
    ])
    expect(await tagsIn.all(db, [['rendered-b']])).toEqual([{ name: 'Beta' }])
    expect(await tagsIn.all(db, [['rendered-a', 'rendered-b', 'rendered-c']])).toEqual([
      { name: 'Alpha' },
      { name: 'Beta' },
      { name: 'Gamma' },
    ])
    // The two-item rendering again, with other values.
    expect(await tagsIn.all(db, [['rendered-b', 'rendered-none']])).toEqual([{ name: 'Beta' }])
    expect(await tagsIn.get(db, [[]])).toBeUndefined()
  })

  it('keeps several lists apart', async () => {
    expect(await tagsInTwo.all(db, [['rendered-a'], ['Gamma', 'Beta']])).toEqual([
      { slug: 'rendered-a' },
      { slug: 'rendered-b' },
      { slug: 'rendered-c' },
    ])
    expect(await tagsInTwo.all(db, [['rendered-b', 'rendered-c'], ['Nothing']])).toEqual([
      { slug: 'rendered-b' },
      { slug: 'rendered-c' },
    ])
  })

  it('runs in a batch beside drizzle statements, all or nothing', async () => {
    const results = await db.batch([
      renameTags.statement(db, { name: 'Renamed', prefix: 'rendered-a%' }),
      db.insert(cacheEpochs).values({ scope: 'rendered-test', epoch: 7 }),
      tagsIn.statement(db, [['rendered-a', 'rendered-b']]),
      tagBySlug.statement(db, { slug: 'rendered-b' }),
      db.delete(cacheEpochs).where(eq(cacheEpochs.scope, 'rendered-test')),
    ])
    expect(renameTags.rowsOf(results[0])).toEqual([{ slug: 'rendered-a', name: 'Renamed' }])
    expect(tagsIn.rowsOf(results[2])).toEqual([{ name: 'Renamed' }, { name: 'Beta' }])
    expect(tagBySlug.rowsOf(results[3])).toEqual([{ slug: 'rendered-b', name: 'Beta' }])

    const failing = db.batch([
      renameTags.statement(db, { name: 'Lost', prefix: 'rendered-%' }),
      db.insert(tags).values({ slug: 'rendered-c', name: 'Taken' }),
    ])
    await expect(failing).rejects.toThrow(/UNIQUE constraint failed/)
    expect(await tagsIn.all(db, [['rendered-a', 'rendered-b', 'rendered-c']])).toEqual([
      { name: 'Renamed' },
      { name: 'Beta' },
      { name: 'Gamma' },
    ])
  })

  it('gives a statement its SQL and parameters, placeholders filled', () => {
    const { sql: text, params } = tagsIn.statement(db, [['x', 'y']]).toSQL()
    expect(text).toBe(
      'select "name" from "tags" where "tags"."slug" in (?, ?) order by "tags"."slug" asc',
    )
    expect(params).toEqual(['x', 'y'])
  })
})
