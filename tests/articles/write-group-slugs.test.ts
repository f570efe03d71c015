import { env } from 'cloudflare:test'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { storeGroup, type GroupOutcome } from '../../src/articles/write-group'
import { createDb } from '../../src/db/client'
import type { Upload } from '../../src/model/upload'

// A group's new articles are inserted several to a statement, each choosing its slug as it goes
// in (db/slugs.ts): the slugs must be the ones inserting them one after another would give.

const encoder = new TextEncoder()
const storage = { db: createDb(env.DB), originals: env.ORIGINALS }
const article = (title: string, sourceUrl: string): Upload => ({
  format: 'json',
  contentType: 'application/json',
  bytes: encoder.encode(JSON.stringify({ title, body: [`${title}, in full.`], sourceUrl })),
  meta: {},
})
const slugsOf = (outcomes: GroupOutcome[]) =>
  outcomes.map((o) => ('slug' in o ? [o.status, o.slug] : o))

describe('storeGroup, slugs chosen in merged inserts', () => {
  const warn = vi.spyOn(console, 'warn')
  afterEach(() => {
    // Not one group fell back to storing its articles one at a time.
    expect(warn).not.toHaveBeenCalledWith(
      'group write failed; storing its articles one at a time:',
      expect.anything(),
    )
    warn.mockClear()
  })

  it('takes the next free suffix past stored slugs, for every article of a full group', async () => {
    await storeGroup(storage, [
      article('Tide report', 'https://one.example/tide'),
      article('Tide report 2', 'https://one.example/tide-2'),
    ])
    const outcomes = await storeGroup(storage, [
      article('Tide report', 'https://two.example/tide'),
      ...Array.from({ length: 23 }, (_, i) =>
        article(`Ferry timetable ${i + 1}`, `https://two.example/ferry/${i}`),
      ),
      article('Tide report', 'https://three.example/tide'),
    ])
    expect(slugsOf(outcomes)).toEqual([
      ['created', 'tide-report-3'],
      ...Array.from({ length: 23 }, (_, i) => ['created', `ferry-timetable-${i + 1}`]),
      ['created', 'tide-report-4'],
    ])
  })

  it('gives a slug one article of the group takes as a suffix to the next that wants it', async () => {
    await storeGroup(storage, [article('Harbor news', 'https://one.example/harbor')])
    const outcomes = await storeGroup(storage, [
      article('Harbor news', 'https://two.example/harbor'),
      article('Harbor news 2', 'https://two.example/harbor-2'),
      article('Harbor news', 'https://three.example/harbor'),
    ])
    expect(slugsOf(outcomes)).toEqual([
      ['created', 'harbor-news-2'],
      ['created', 'harbor-news-2-2'],
      ['created', 'harbor-news-3'],
    ])
  })

  it('gives the suffixed slug to the article that comes first, as one at a time would', async () => {
    await storeGroup(storage, [article('Quay works', 'https://one.example/quay')])
    const outcomes = await storeGroup(storage, [
      article('Quay works 2', 'https://two.example/quay-2'),
      article('Quay works', 'https://two.example/quay'),
    ])
    expect(slugsOf(outcomes)).toEqual([
      ['created', 'quay-works-2'],
      ['created', 'quay-works-3'],
    ])
  })
})
