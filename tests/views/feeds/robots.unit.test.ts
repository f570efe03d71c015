import { describe, expect, it } from 'vitest'
import { renderRobotsTxt } from '../../../src/views/feeds'
import { site } from './fixtures'

describe('robots.txt', () => {
  it('allows everything but the API and uploads, and names the sitemap index', () => {
    expect(renderRobotsTxt(site)).toBe(
      'User-agent: *\n' +
        'Allow: /\n' +
        'Disallow: /api/\n' +
        'Disallow: /upload\n' +
        '\n' +
        'Sitemap: http://127.0.0.1:8787/sitemap.xml\n',
    )
  })

  it('joins the origin without doubling a trailing slash', () => {
    expect(renderRobotsTxt({ ...site, origin: 'https://news.example/' })).toContain(
      'Sitemap: https://news.example/sitemap.xml\n',
    )
  })
})
