import { isoDate } from './dates'
import { readLinkedData, type LinkedData } from './json-ld'
import { plain } from './text'
import type { Page } from './tree'
import { absoluteUrl, hostNames } from './urls'

/** What the page's head and structured data say, before the body is read. */
export interface Metadata {
  ld: LinkedData | null
  /** Headline candidates from structured data and meta, best first. */
  titles: string[]
  documentTitle: string
  siteName: string | null
  /** Every name the site gives itself (og:site_name, publisher, app name, Twitter account). */
  siteNames: string[]
  /** The labels of its host name (`latimes` for articles.latimes.com). */
  hostNames: string[]
  authorTexts: string[]
  publishedAt: string | null
  modifiedAt: string | null
  canonical: string | null
  image: string | null
  language: string | null
}

const PUBLISHED =
  'article:published_time og:article:published_time article:published article:publicationdate datepublished og:published_time date pubdate publishdate publish-date publish_date publication_date dc.date.issued dcterms.issued dc.date dcterms.date parsely-pub-date originalpublicationdate displaydate'
const MODIFIED =
  'article:modified_time og:article:modified_time og:updated_time datemodified dc.date.modified dcterms.modified last-modified revision_date'
const AUTHORS =
  'author article:author og:article:author dc.creator dcterms.creator parsely-author sailthru.author byl'
const TITLES = 'og:title twitter:title sailthru.title parsely-title dc.title headline title'
const SITES = 'og:site_name application-name apple-mobile-web-app-title twitter:site'
const IMAGES =
  'og:image og:image:url og:image:secure_url twitter:image twitter:image:src image thumbnail'

export function readMetadata(page: Page, fallbackUrl: string | null): Metadata {
  const all = (keys: string) =>
    keys
      .split(' ')
      .flatMap((k) => page.metas.get(k) ?? [])
      .map(plain)
  const one = (keys: string) => all(keys).find((v) => v !== '') ?? null
  const ld = readLinkedData(page.jsonLd)
  const og = absoluteUrl(one('og:url'), fallbackUrl)
  const canonical =
    absoluteUrl(page.canonical, og ?? fallbackUrl) ?? og ?? absoluteUrl(ld?.url, fallbackUrl)
  const base = canonical ?? fallbackUrl
  const siteName = one('og:site_name') ?? ld?.publisher ?? null
  const sites = [siteName, ld?.publisher ?? null, ...all(SITES).map((s) => s.replace(/^@/, ''))]
  return {
    ld,
    titles: [ld?.headline ?? '', ...all(TITLES)].filter((t) => t !== ''),
    documentTitle: plain(page.title),
    siteName,
    siteNames: sites.filter((s): s is string => !!s),
    hostNames: hostNames(base),
    // `article:author` is often a profile URL, not a name.
    authorTexts: all(AUTHORS).filter((a) => !/^(?:https?:|www\.)/i.test(a)),
    publishedAt: firstDate(ld?.datePublished, all(PUBLISHED)),
    modifiedAt: firstDate(ld?.dateModified, all(MODIFIED)),
    canonical,
    image: [...all(IMAGES), ld?.image].map((u) => absoluteUrl(u, base)).find((u) => u) ?? null,
    language:
      languageTag(page.lang) ?? languageTag(one('og:locale content-language language dc.language')),
  }
}

function firstDate(structured: string | null | undefined, values: string[]): string | null {
  for (const value of [structured, ...values]) {
    const date = isoDate(value)
    if (date) return date
  }
  return null
}

/** `en`, `en-US`; `en_US` (og:locale) becomes `en-US`. */
function languageTag(value: string | null): string | null {
  const tag = value?.trim().replace(/_/g, '-') ?? ''
  return /^[a-z]{2,3}(?:-[a-z0-9]{2,8}){0,3}$/i.test(tag) ? tag : null
}
