import { describe, expect, it } from 'vitest'
import { normalizeUpload, type UploadMeta } from '../../src/ingest'
import { failure } from './failure'
import { fileOf } from './markdown/helpers'

const body = 'The harbor office published the new tide tables on Monday.'
const json = (fields: Record<string, unknown>, meta: UploadMeta = {}) =>
  normalizeUpload(
    { format: 'json', text: JSON.stringify({ title: 'Tide tables move online', body, ...fields }) },
    meta,
  )
const markdown = (lines: string[], meta: UploadMeta = {}) =>
  normalizeUpload(
    {
      format: 'markdown',
      text: fileOf('---', 'title: Tide tables move online', ...lines, '---', '', body),
    },
    meta,
  )

describe('a JSON upload’s status and publishAt', () => {
  it('asks for the status named, publishAt in UTC', () => {
    expect(json({ status: 'draft' }).publication).toEqual({ status: 'draft' })
    expect(json({ status: 'Published' }).publication).toEqual({ status: 'published' })
    expect(
      json({ status: 'scheduled', publishAt: '2031-06-01T10:00:00+02:00' }).publication,
    ).toEqual({
      status: 'scheduled',
      publishAt: '2031-06-01T08:00:00.000Z',
    })
    // publishAt alone schedules (the write service reads a request without status so).
    expect(json({ publishAt: '2031-06-01T08:00:00Z' }).publication).toEqual({
      publishAt: '2031-06-01T08:00:00.000Z',
    })
  })

  it('asks nothing when both are absent, null or blank, and then the query string may', () => {
    expect(json({}).publication ?? null).toBeNull()
    expect(json({ status: null, publishAt: '' }).publication ?? null).toBeNull()
    expect(json({}, { status: 'draft' }).publication).toEqual({ status: 'draft' })
    // The body's own wins over the query string.
    expect(json({ status: 'published' }, { status: 'draft' }).publication).toEqual({
      status: 'published',
    })
  })

  it('keeps the status out of the article’s content', () => {
    const a = json({ status: 'draft' })
    const b = json({})
    expect({ ...a, publication: undefined }).toEqual({ ...b, publication: undefined })
  })

  it('refuses a wrong status or time with 422', () => {
    const refused = (fields: Record<string, unknown>) => failure(() => json(fields))
    expect(refused({ status: 'live' })).toMatchObject({
      status: 422,
      code: 'invalid_status',
      message: 'status must be one of "draft", "scheduled", "published"',
    })
    expect(refused({ status: 1 })).toMatchObject({ status: 422, code: 'invalid_status' })
    expect(refused({ status: 'scheduled' })).toMatchObject({
      status: 422,
      code: 'invalid_status',
      message: 'status "scheduled" needs a publishAt',
    })
    for (const publishAt of ['tomorrow', '2031-13-01T00:00:00Z', 1_900_000_000]) {
      expect(refused({ publishAt })).toMatchObject({
        status: 422,
        code: 'invalid_publish_at',
        message: 'publishAt must be an ISO 8601 date-time, such as 2026-12-24T08:00:00Z',
      })
    }
  })

  it('still refuses other unknown fields, and reads a non-object as before', () => {
    expect(failure(() => json({ stauts: 'draft' }))).toMatchObject({
      status: 400,
      code: 'invalid_field',
    })
    expect(failure(() => normalizeUpload({ format: 'json', text: '[]' }, {}))).toMatchObject({
      status: 400,
      code: 'invalid_field',
    })
  })
})

describe('Markdown front matter’s status', () => {
  it('asks for status and publishAt under either name', () => {
    expect(markdown(['status: draft']).publication).toEqual({ status: 'draft' })
    expect(markdown(['status: scheduled', 'publishAt: 2031-06-01T08:00:00Z']).publication).toEqual({
      status: 'scheduled',
      publishAt: '2031-06-01T08:00:00.000Z',
    })
    expect(markdown(['publish_at: 2031-06-01 10:00:00 +0200']).publication).toEqual({
      publishAt: '2031-06-01T08:00:00.000Z',
    })
    // A YAML 1.1 timestamp arrives as a Date.
    expect(markdown(['publishAt: !!timestamp 2031-06-01T08:00:00Z']).publication).toEqual({
      publishAt: '2031-06-01T08:00:00.000Z',
    })
  })

  it('reads Hugo’s, Jekyll’s and Astro’s draft: true as a draft, draft: false as nothing', () => {
    expect(markdown(['draft: true']).publication).toEqual({ status: 'draft' })
    expect(markdown(['draft: true', 'status: draft']).publication).toEqual({ status: 'draft' })
    expect(markdown(['draft: false']).publication ?? null).toBeNull()
    expect(markdown(['draft: false'], { status: 'draft' }).publication).toEqual({ status: 'draft' })
    expect(
      markdown(['draft: false', 'status: scheduled', 'publishAt: 2031-06-01T08:00:00Z'])
        .publication,
    ).toEqual({
      status: 'scheduled',
      publishAt: '2031-06-01T08:00:00.000Z',
    })
    expect(markdown([]).publication ?? null).toBeNull()
  })

  it('refuses a wrong status, time or draft flag with 422, naming the front matter', () => {
    const refused = (...lines: string[]) => failure(() => markdown(lines))
    expect(refused('status: publish')).toMatchObject({
      status: 422,
      code: 'invalid_status',
      message: 'front matter status must be one of "draft", "scheduled", "published"',
    })
    expect(refused('publishAt: next week')).toMatchObject({
      status: 422,
      code: 'invalid_publish_at',
      message: 'front matter publishAt must be an ISO 8601 date-time, such as 2026-12-24T08:00:00Z',
    })
    expect(refused('draft: yes please')).toMatchObject({
      status: 422,
      code: 'invalid_status',
      message: 'front matter draft: expected true or false',
    })
    expect(refused('draft: true', 'status: published')).toMatchObject({
      status: 422,
      code: 'invalid_status',
      message: 'front matter draft: true contradicts status "published"',
    })
  })
})

describe('a text upload’s status', () => {
  it('comes from the query string alone', () => {
    const text = (meta: UploadMeta) =>
      normalizeUpload({ format: 'text', text: `Tide tables move online\n\n${body}` }, meta)
    expect(text({ status: 'draft' }).publication).toEqual({ status: 'draft' })
    expect(text({}).publication ?? null).toBeNull()
    expect(failure(() => text({ status: 'hidden' }))).toMatchObject({
      status: 422,
      code: 'invalid_status',
    })
  })
})
