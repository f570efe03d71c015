import { describe, expect, it } from 'vitest'
import { renderArticlePage } from '../../src/views/article-page'
import { renderErrorPage } from '../../src/views/error-page'
import { renderIndexPage } from '../../src/views/index-page'
import { STYLE_HASH, STYLES } from '../../src/views/styles'
import { pakistan, site } from './fixtures'
import { count } from './html'

async function cspHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`
}

describe('stylesheet', () => {
  it('STYLE_HASH is the CSP hash of STYLES', async () => {
    expect(STYLE_HASH).toBe(await cspHash(STYLES))
  })

  it('every page inlines exactly the hashed text and nothing a style-src hash would not allow', () => {
    const pages = [
      renderArticlePage(pakistan, site),
      renderIndexPage([], null, site),
      renderErrorPage(404, 'No article at /articles/nope.', site),
    ]
    for (const page of pages) {
      expect(page).toContain(`<style>${STYLES}</style>`)
      expect(count(page, '<style')).toBe(1)
      expect(page).not.toMatch(/\sstyle=/)
      expect(page).not.toContain('<link rel="stylesheet"')
    }
  })
})
