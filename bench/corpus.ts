import { slugify } from '../src/ingest'
import {
  ARCHIVE_NOTICE,
  CJK_SENTENCES,
  EVENTS,
  FIRST_NAMES,
  LAST_NAMES,
  OBJECTS,
  ORGANIZATIONS,
  PLACES,
  ROLES,
  SUBJECTS,
  TIMES,
  VERBS,
} from './words'

/** One generated blog post, modeled on `seeds/*.txt`: distinct title, paragraphs, byline. */
export interface Post {
  title: string
  notice: boolean
  dateline: string | null
  paragraphs: string[]
  related: string[]
  authors: string[]
  bylinePlace: string | null
  caption: string | null
}

/** Deterministic (mulberry32), so every run stores the same corpus. */
function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  return { next, int, pick }
}

/** A newsroom: a fixed roster of correspondents, as a real archive has. */
const roster = (r: ReturnType<typeof random>) =>
  Array.from({ length: 60 }, () => `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`)

/** `cjkEvery`: every so many posts ends with a paragraph in Japanese or Chinese. */
export function createCorpus(seed = 1, { cjkEvery }: { cjkEvery?: number } = {}) {
  const r = random(seed)
  const writers = roster(r)
  let serial = 0

  const person = () => `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`
  const sentence = (city: string): string => {
    const [past, base] = r.pick(VERBS)
    switch (r.int(0, 4)) {
      case 0:
        return `${r.pick(SUBJECTS)} ${past} ${r.pick(OBJECTS)} ${r.pick(TIMES)}, according to ${r.pick(ROLES)}.`
      case 1:
        return `“We will not ${base} ${r.pick(OBJECTS)} under pressure,” ${person()}, ${r.pick(ROLES)}, told reporters in ${city}.`
      case 2:
        return `The decision came after ${r.pick(ORGANIZATIONS)} ${past} ${r.pick(OBJECTS)} in ${city}.`
      case 3:
        return `${person()} said ${r.pick(ORGANIZATIONS)} had ${past} ${r.pick(OBJECTS)} ${r.pick(TIMES)}.`
      default:
        return `Analysts in ${city} say ${r.pick(SUBJECTS).toLowerCase()} could ${base} ${r.pick(OBJECTS)} before ${r.pick(EVENTS)}.`
    }
  }
  const headline = (city: string) => {
    const [, base] = r.pick(VERBS)
    return `${r.pick(SUBJECTS)} ${base} ${r.pick(OBJECTS).replace(/^the /, '')} in ${city}`
  }

  return {
    next(): Post {
      const { country, cities } = r.pick(PLACES)
      const city = r.pick(cities)
      const number = ++serial
      let title = `${country}: ${headline(city)} (dispatch ${number})`
      // Slugs are cut at 80 characters: keep the distinguishing number inside them.
      while (!slugify(title).endsWith(`dispatch-${number}`)) {
        title = `${country}: ${headline(city)} (dispatch ${number})`
      }
      const count = r.int(3, 9)
      const paragraphs = Array.from({ length: count }, () =>
        Array.from({ length: r.int(2, 4) }, () => sentence(city)).join(' '),
      )
      if (cjkEvery && number % cjkEvery === 0) {
        paragraphs.push(r.pick(CJK_SENTENCES) + r.pick(CJK_SENTENCES))
      }
      const authors = Array.from({ length: r.next() < 0.2 ? 2 : 1 }, () => r.pick(writers))
      return {
        title,
        notice: r.next() < 0.7,
        dateline: r.next() < 0.4 ? `REPORTING FROM ${city.toUpperCase()}, ${country}` : null,
        paragraphs,
        related: Array.from({ length: r.int(0, 3) }, () => headline(r.pick(cities))),
        authors: r.next() < 0.9 ? [...new Set(authors)] : [],
        bylinePlace: r.next() < 0.3 ? city : null,
        caption:
          r.next() < 0.15
            ? `Photo: ${sentence(city)} Credit: ${person()} / Associated Press`
            : null,
      }
    },
  }
}

export type Corpus = ReturnType<typeof createCorpus>

/** The plain-text archive format of `seeds/*.txt`. */
export function archiveText(post: Post): string {
  const [first = '', ...rest] = post.paragraphs
  const lead = post.dateline ? `${post.dateline} -- ${first}` : first
  const byline = post.authors.length
    ? `-- ${post.authors.join(' and ')}${post.bylinePlace ? ` in ${post.bylinePlace}` : ''}`
    : null
  const blocks = [
    post.title,
    ...(post.notice ? [ARCHIVE_NOTICE] : []),
    lead,
    ...rest,
    ...post.related,
    ...(byline ? [byline] : []),
    ...(post.caption ? [post.caption] : []),
  ]
  return `${blocks.join('\n\n')}\n`
}

/** One line of a bulk upload: `{"title","body":[...],"authors":[...]}`. */
export const jsonArticle = (post: Post): string =>
  JSON.stringify({ title: post.title, body: post.paragraphs, authors: post.authors })
