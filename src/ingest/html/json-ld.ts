import { plain } from './text'
import { LIMITS } from '../limits'

type Json = Record<string, unknown>

/** What a page's JSON-LD says about its article; people only in `authors`. */
export interface LinkedData {
  headline: string | null
  authors: string[]
  publisher: string | null
  datePublished: string | null
  dateModified: string | null
  image: string | null
  imageCaption: string | null
  url: string | null
}

const ARTICLE = /(?:Article|BlogPosting|^Report)$/
const ORGANIZATION = /Organization$|^Corporation$|^NewsMediaOrganization$|^Brand$/

export function readLinkedData(scripts: string[]): LinkedData | null {
  const nodes: Json[] = []
  for (const script of scripts) collect(parse(script), nodes, 0)
  const article = nodes.find((n) => types(n).some((t) => ARTICLE.test(t)))
  if (!article) return null
  const byId = new Map(nodes.flatMap((n) => (typeof n['@id'] === 'string' ? [[n['@id'], n]] : [])))
  const resolve = (value: unknown): unknown => {
    const id = isObject(value) ? value['@id'] : undefined
    return typeof id === 'string' && Object.keys(value as Json).length === 1
      ? (byId.get(id) ?? value)
      : value
  }
  const image = resolve(first(article.image))
  const publisher = resolve(first(article.publisher))
  const page = resolve(first(article.mainEntityOfPage))
  return {
    headline: text(article.headline) ?? text(article.name),
    // One more than an article may hold, so that too many is still refused as such.
    authors: list(article.author)
      .slice(0, LIMITS.listItems + 1)
      .map(resolve)
      .flatMap((a) => personName(a)),
    publisher: isObject(publisher) ? text(publisher.name) : text(publisher),
    datePublished: text(article.datePublished) ?? text(article.dateCreated),
    dateModified: text(article.dateModified),
    image: isObject(image) ? (text(image.url) ?? text(image.contentUrl)) : text(image),
    imageCaption: isObject(image) ? text(image.caption) : null,
    url: text(article.url) ?? (isObject(page) ? text(page['@id']) : text(page)),
  }
}

function parse(script: string): unknown {
  // Raw control characters (newlines inside strings) are the commonest JSON-LD error.
  const source = script.replace(
    /^\s*(?:<!--|(?:\/\/\s*)?<!\[CDATA\[)|(?:-->|(?:\/\/\s*)?\]\]>)\s*$/g,
    '',
  )
  try {
    return JSON.parse(source.replace(/[\u0000-\u001f]+/g, ' '))
  } catch {
    return null
  }
}

function collect(value: unknown, out: Json[], depth: number): void {
  if (depth > 4 || out.length > 500) return
  if (Array.isArray(value)) for (const item of value) collect(item, out, depth + 1)
  else if (isObject(value)) {
    out.push(value)
    collect(value['@graph'], out, depth + 1)
    collect(value.mainEntity, out, depth + 1)
  }
}

function personName(value: unknown): string[] {
  if (typeof value === 'string') return [plain(value)]
  if (!isObject(value) || types(value).some((t) => ORGANIZATION.test(t))) return []
  const name = text(first(value.name))
  return name ? [name] : []
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const types = (node: Json): string[] =>
  list(node['@type']).filter((t): t is string => typeof t === 'string')
const list = (value: unknown): unknown[] =>
  Array.isArray(value)
    ? value
    : isObject(value) && Array.isArray(value['@list'])
      ? value['@list']
      : value == null
        ? []
        : [value]
const first = (value: unknown): unknown => list(value)[0]
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? plain(value) : null
