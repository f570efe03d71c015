import { draft, generatedDraft, loadTitle } from './content'
import { pick, readPage, write, type Story, type World } from './world'

/** Stories edited most, so that edits to one article often run at the same time. */
const HOT_STORIES = 3

/** A new article (archive text or JSON); its page is then left for a first read. */
export async function upload(w: World): Promise<void> {
  const n = ++w.next.upload
  const format = n % 2 === 0 ? 'json' : 'text'
  const sourceUrl = format === 'json' ? `https://load.example/${w.run}/upload/${n}` : undefined
  const sent = draft(format, loadTitle(w.run, `upload ${n}`, n), 500_000 + n, sourceUrl)
  const result = await write(w, 'POST /api/articles (new)', sent)
  if (!result) return
  if (result.status !== 'created') w.recorder.fail(`new article ${sent.title}: ${result.status}`)
  w.unread.push(result.slug)
}

/**
 * New content for a story: now and then three at once to one of the hot stories. Then the page,
 * which must not show an older revision than the ones just acknowledged.
 */
export async function edit(w: World): Promise<void> {
  const burst = Math.random() < 0.2
  const hot = burst || Math.random() < 0.4
  const story = pick(hot ? w.stories.slice(0, HOT_STORIES) : w.stories)
  await Promise.all(Array.from({ length: burst ? 3 : 1 }, () => editOnce(w, story)))
  await readPage(w, 'GET /articles/:slug (after edit)', story.slug)
}

async function editOnce(w: World, story: Story): Promise<void> {
  const v = ++w.next.version
  const title = loadTitle(w.run, `${story.label} version ${v}`, v)
  const sent = draft(story.format, title, 1_000_000 + v, story.sourceUrl)
  const inFlight = w.editing.get(story.slug) ?? 0
  if (inFlight > 0)
    w.recorder.note('edits sent while another edit of the same article was in flight')
  w.editing.set(story.slug, inFlight + 1)
  const result = await write(w, 'POST /api/articles (edit)', sent, story.slug)
  w.editing.set(story.slug, (w.editing.get(story.slug) ?? 1) - 1)
  if (result && (result.status !== 'updated' || result.slug !== story.slug)) {
    w.recorder.fail(`edit of ${story.slug} answered ${result.status} for ${result.slug}`)
  }
}

/** The bytes of a seeded post again: must answer `unchanged` and store nothing. */
export async function reupload(w: World): Promise<void> {
  const post = pick(w.generated)
  const result = await write(w, 'POST /api/articles (same bytes)', generatedDraft(post.index))
  if (result && (result.status !== 'unchanged' || result.slug !== post.slug)) {
    w.recorder.fail(`re-upload of ${post.slug} answered ${result.status} for ${result.slug}`)
  }
}

/**
 * Five new articles with one title and five source URLs, at once: five articles with five
 * slugs (`title`, `title-2`, …), none lost to the others.
 */
export async function sameTitleCreates(w: World): Promise<void> {
  const n = ++w.next.upload
  const title = loadTitle(w.run, `shared title ${n}`, n)
  const results = await Promise.all(
    Array.from({ length: 5 }, (_, i) =>
      write(
        w,
        'POST /api/articles (same title)',
        draft(
          'json',
          title,
          2_000_000 + n * 10 + i,
          `https://load.example/${w.run}/same/${n}/${i}`,
        ),
      ),
    ),
  )
  const slugs = results.flatMap((r) => (r ? [r.slug] : []))
  if (new Set(slugs).size !== slugs.length)
    w.recorder.fail(`same-title creates shared a slug: ${slugs.join(', ')}`)
  for (const r of results)
    if (r && r.status !== 'created') w.recorder.fail(`same-title create answered ${r.status}`)
  w.unread.push(...slugs)
}
