import { expect, it } from 'vitest'
import { diffRevisions } from '../../src/articles/diff'
import type { RevisionContent } from '../../src/model/revisions'
import { renderRevisionDiff } from '../../src/views/revision-diff'
import { pakistan, site } from './fixtures'

const {
  id,
  url,
  readingMinutes,
  createdAt,
  updatedAt,
  revision,
  source,
  status,
  publishAt,
  ...rest
} = pakistan
const from: RevisionContent = { ...rest, body: pakistan.body.slice(0, 3), sourceUrl: null }
const first = from.body[0]!.type === 'paragraph' ? from.body[0]!.text : ''
const to: RevisionContent = {
  ...from,
  kicker: 'PAKISTAN <script>',
  body: [
    { type: 'paragraph', text: first.replace('Thursday', 'Friday') },
    from.body[2]!,
    { type: 'list', ordered: false, items: ['Kabul', '<i>Quetta</i>'] },
  ],
}
const meta = { reason: 'upload', status: 'published', publishAt: null } as const
const diff = diffRevisions(
  pakistan.slug,
  { meta: { ...meta, revision: 1, createdAt: '2026-12-05T10:00:00.000Z' }, article: from },
  { meta: { ...meta, revision: 2, createdAt: '2026-12-05T11:00:00.000Z' }, article: to },
)
const page = renderRevisionDiff(diff, to, site)

it('marks edited words, removed and added blocks, and changed fields', () => {
  expect(page).toContain('<p class="kicker">Revision 1 → 2</p>')
  expect(page).toContain('<p>Pakistan on <del>Thursday</del><ins>Friday</ins> rejected')
  expect(page).toContain(
    `<del><p>${from.body[1]!.type === 'paragraph' && from.body[1]!.text}</p></del>`,
  )
  expect(page).toContain('<ins><ul><li>Kabul</li><li>&lt;i&gt;Quetta&lt;/i&gt;</li></ul></ins>')
  expect(page).toContain(
    '<tr><th scope="row">kicker</th><td>PAKISTAN<ins> &lt;script&gt;</ins></td></tr>',
  )
  expect(page).not.toContain('<script>')
  expect(page).not.toContain('<i>')
})
