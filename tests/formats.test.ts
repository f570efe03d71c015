import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import newsPage from './ingest/html/fixtures/news-jsonld.html?raw'
import jekyllPost from './ingest/markdown/fixtures/jekyll-post.md?raw'
import hugoPost from './ingest/markdown/fixtures/hugo-post.md?raw'
import { auth, get, ORIGIN, upload } from './helpers'

describe('every upload format through the API', () => {
  it('stores a Markdown post with its front matter and serves the page', async () => {
    const res = await upload(hugoPost, { type: 'text/markdown; charset=utf-8' })
    expect(res.status).toBe(201)
    const a = (await res.json()) as {
      slug: string
      source: { format: string; url: string }
      siteName: string
    }
    expect(a.slug).toBe('pakistan-islamabad-wont-tolerate-us-boots-on-the-ground')
    expect(a.source.format).toBe('markdown')
    expect(a.source.url).toBe(
      'https://latimesblogs.latimes.com/world_now/2011/09/pakistan-haqqani-network.html',
    )
    expect(a.siteName).toBe('Los Angeles Times')
    expect((await get(`/articles/${a.slug}`)).status).toBe(200)
    const source = await get(`/api/articles/${a.slug}/source`)
    expect(source.headers.get('Content-Type')).toBe('text/markdown; charset=utf-8')
    expect(await source.text()).toBe(hugoPost)
  })

  it('takes text, JSON, HTML and Markdown files in one multipart bulk upload', async () => {
    const form = new FormData()
    form.append('files', new File([seed], 'seed.txt'))
    form.append(
      'files',
      new File([JSON.stringify({ title: 'A JSON story', body: ['Text.'] })], 'story.json'),
    )
    form.append('files', new File([newsPage], 'page.html'))
    form.append('files', new File([jekyllPost], 'post.md'))
    const res = await SELF.fetch(`${ORIGIN}/api/articles/bulk`, {
      method: 'POST',
      headers: auth,
      body: form,
    })
    const body = (await res.json()) as {
      items: { name: string; status: string }[]
      summary: { failed: number }
    }
    expect(body.items.map((i) => [i.name, i.status])).toEqual([
      ['seed.txt', 'created'],
      ['story.json', 'created'],
      ['page.html', 'created'],
      ['post.md', 'created'],
    ])
    expect(body.summary.failed).toBe(0)
  })
})
