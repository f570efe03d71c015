import { describe, expect, it } from 'vitest'
import {
  DISCARDED_STATUSES,
  parseWxrItem,
  WxrSplitter,
  wxrPublication,
} from '../../../src/ingest/wxr'
import fixture from './fixtures/harbor-gazette.wordpress.xml?raw'

const splitter = new WxrSplitter()
const events = [...splitter.write(fixture), ...splitter.end()]
const item = (guid: string) => {
  const event = events.find(
    (e) => e.kind === 'item' && e.guid === `https://harborgazette.example/${guid}`,
  )
  return event?.kind === 'item' ? event.xml : ''
}
// The published ferry post (dated 2024-02-12 14:30:00 GMT) under another <wp:status>.
const ferryAs = (status: string, dateGmt = '2024-02-12 14:30:00') =>
  item('?p=41')
    .replace('<![CDATA[publish]]></wp:status>', `<![CDATA[${status}]]></wp:status>`)
    .replace('<![CDATA[2024-02-12 14:30:00]]>', `<![CDATA[${dateGmt}]]>`)

describe('an item’s <wp:status> as the status it asks for', () => {
  it('asks published of a published post, draft of the fixture’s draft', () => {
    expect(parseWxrItem(item('?p=41')).publication).toEqual({ status: 'published' })
    expect(parseWxrItem(item('?p=70')).publication).toEqual({ status: 'draft' })
  })

  it('schedules a future post at its GMT date, which the write service publishes if past', () => {
    expect(parseWxrItem(ferryAs('future', '2031-06-01 08:00:00')).publication).toEqual({
      status: 'scheduled',
      publishAt: '2031-06-01T08:00:00.000Z',
    })
    expect(parseWxrItem(ferryAs('future')).publication).toEqual({
      status: 'scheduled',
      publishAt: '2024-02-12T14:30:00.000Z',
    })
  })

  it('makes pending, private and unknown statuses drafts', () => {
    for (const status of ['pending', 'private', 'in-progress']) {
      expect(parseWxrItem(ferryAs(status)).publication).toEqual({ status: 'draft' })
    }
  })

  it('makes a future post with no date a draft, and asks nothing of an item with no status', () => {
    expect(wxrPublication('future', null)).toEqual({ status: 'draft' })
    expect(wxrPublication(null, '2024-02-12T14:30:00.000Z')).toBeNull()
    const none = item('?p=41').replace(/<wp:status>.*<\/wp:status>/, '')
    expect(parseWxrItem(none).publication).toBeUndefined()
  })

  it('names what an import passes over: auto-drafts, trash and inherit', () => {
    expect([...DISCARDED_STATUSES]).toEqual(['auto-draft', 'trash', 'inherit'])
  })
})
