import { env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { auth, ORIGIN, storageSnapshot, upload } from './helpers'

interface Stored {
  slug: string
  status: string
  publishAt: string | null
}

const body = 'The harbor office said the tables would be updated every Monday at noon.'
const stored = async (res: Response, status = 201): Promise<Stored> => {
  expect(res.status).toBe(status)
  return (await res.json()) as Stored
}
const statusRow = (slug: string) =>
  env.DB.prepare('SELECT status, publish_at AS publishAt FROM articles WHERE slug = ?')
    .bind(slug)
    .first<{ status: string; publishAt: string | null }>()

describe('an upload asks for a status in its own format', () => {
  it('text: the query string', async () => {
    const res = await upload(`Tide tables move online\n\n${body}`, { query: '?status=draft' })
    const a = await stored(res)
    expect([a.slug, a.status, a.publishAt]).toEqual(['tide-tables-move-online', 'draft', null])
  })

  it('JSON: status and publishAt fields', async () => {
    const res = await upload(
      JSON.stringify({
        title: 'Ferry timetable changes in June',
        body,
        status: 'scheduled',
        publishAt: '2031-06-01T10:00:00+02:00',
      }),
      { type: 'application/json' },
    )
    const a = await stored(res)
    expect([a.status, a.publishAt]).toEqual(['scheduled', '2031-06-01T08:00:00.000Z'])
  })

  it('JSON: a schedule already past is published at once', async () => {
    const res = await upload(
      JSON.stringify({ title: 'Pier 4 reopens', body, publishAt: '2024-02-12T14:30:00Z' }),
      { type: 'application/json' },
    )
    const a = await stored(res)
    expect([a.status, a.publishAt]).toEqual(['published', null])
  })

  it('NDJSON bulk: each line’s own status', async () => {
    const lines = [
      { title: 'Seawall survey begins', body, status: 'draft' },
      { title: 'Seawall survey ends', body },
    ]
    const res = await SELF.fetch(`${ORIGIN}/api/articles/bulk`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/x-ndjson' },
      body: lines.map((l) => JSON.stringify(l)).join('\n'),
    })
    expect(res.status).toBe(200)
    expect(await statusRow('seawall-survey-begins')).toEqual({ status: 'draft', publishAt: null })
    expect(await statusRow('seawall-survey-ends')).toEqual({ status: 'published', publishAt: null })
  })

  it('Markdown: front matter’s draft: true, and status with publishAt', async () => {
    const markdown = (...front: string[]) =>
      upload(['---', ...front, '---', '', body].join('\n'), { type: 'text/markdown' })
    const draft = await stored(await markdown('title: Night market returns', 'draft: true'))
    expect([draft.status, draft.publishAt]).toEqual(['draft', null])
    const scheduled = await stored(
      await markdown(
        'title: Pool closes for repairs',
        'status: scheduled',
        'publish_at: 2031-04-01 06:00:00 -0400',
      ),
    )
    expect([scheduled.status, scheduled.publishAt]).toEqual([
      'scheduled',
      '2031-04-01T10:00:00.000Z',
    ])
  })

  it('refuses a wrong status or time with 422, storing nothing', async () => {
    const before = await storageSnapshot()
    const cases: [Response, string, string][] = [
      [
        await upload(JSON.stringify({ title: 'T', body, status: 'live' }), {
          type: 'application/json',
        }),
        'invalid_status',
        'status must be one of "draft", "scheduled", "published"',
      ],
      [
        await upload(['---', 'title: T', 'publishAt: soon', '---', '', body].join('\n'), {
          type: 'text/markdown',
        }),
        'invalid_publish_at',
        'front matter publishAt must be an ISO 8601 date-time, such as 2026-12-24T08:00:00Z',
      ],
      [
        await upload(
          ['---', 'title: T', 'draft: true', 'status: published', '---', '', body].join('\n'),
          {
            type: 'text/markdown',
          },
        ),
        'invalid_status',
        'front matter draft: true contradicts status "published"',
      ],
    ]
    for (const [res, code, message] of cases) {
      expect(res.status).toBe(422)
      expect(await res.json()).toEqual({ error: { code, message } })
    }
    expect(await storageSnapshot()).toEqual(before)
  })

  it('is documented in /openapi.json: the JSON upload’s status and publishAt', async () => {
    const res = await SELF.fetch(`${ORIGIN}/openapi.json`)
    const spec = (await res.json()) as {
      paths: Record<string, { post: { requestBody: { content: Record<string, unknown> } } }>
    }
    const { schema } = spec.paths['/api/articles']!.post.requestBody.content[
      'application/json'
    ] as {
      schema: { properties: Record<string, { anyOf?: { enum?: string[] }[]; type?: unknown }> }
    }
    expect(schema.properties.status!.anyOf![0]!.enum).toEqual(['draft', 'scheduled', 'published'])
    expect(schema.properties.publishAt!.type).toEqual(['string', 'null'])
  })
})
