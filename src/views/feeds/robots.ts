import { absoluteUrl } from '../paths'
import type { Site } from '../../model/site'

/** Crawl everything but the API and the upload form; point crawlers at the sitemap index. */
export function renderRobotsTxt(site: Site): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /api/',
    'Disallow: /upload',
    '',
    `Sitemap: ${absoluteUrl(site, '/sitemap.xml')}`,
    '',
  ].join('\n')
}
