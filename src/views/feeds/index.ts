export { renderAtomFeed } from './atom'
export type { FeedInfo } from './feed-info'
export { JSON_FEED_VERSION, renderJsonFeed } from './json-feed'
export { renderRobotsTxt } from './robots'
export {
  renderSitemap,
  renderSitemapIndex,
  SITEMAP_PAGE_SIZE,
  sitemapPageCount,
  sitemapPath,
  type SitemapUrl,
} from './sitemap'
