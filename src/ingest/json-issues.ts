import type { z } from 'zod'
import { IngestError } from './errors'
import { JSON_FIELDS } from './json-schema'

type Issue = z.core.$ZodIssue

/** zod's issues as one IngestError whose message names each field path and what it expected. */
export function issuesToError(issues: readonly Issue[]): IngestError {
  const flat = issues.map(deepest)
  const invalid = flat.filter((i) => i.code !== 'too_big')
  if (invalid.length === 0) {
    return new IngestError(422, 'too_large', flat.map(describe).slice(0, 3).join('; '))
  }
  return new IngestError(400, 'invalid_field', invalid.map(describe).slice(0, 3).join('; '))
}

/** Of a union's branches, one whose type matched says best what was wrong (`authors[0].name`). */
function deepest(issue: Issue): Issue {
  if (issue.code !== 'invalid_union') return issue
  const matched = issue.errors
    .map((branch) => branch[0])
    .filter(
      (i): i is Issue => i !== undefined && !(i.code === 'invalid_type' && i.path.length === 0),
    )
    .sort((a, b) => b.path.length - a.path.length)
  const best = matched[0]
  if (!best) return issue
  const inner = deepest(best)
  return { ...inner, path: [...issue.path, ...inner.path] } as Issue
}

const SHOWN_KEYS = 10
const cut = (key: string) => (key.length > 60 ? `${key.slice(0, 59)}…` : key)

function describe(issue: Issue): string {
  const at = fieldPath(issue.path) || 'the JSON value'
  switch (issue.code) {
    case 'unrecognized_keys': {
      // An error names what it can show: a few keys, each cut short, never all of 90,000.
      const shown = issue.keys.slice(0, SHOWN_KEYS).map((k) => JSON.stringify(cut(k)))
      const more = issue.keys.length - shown.length
      const keys = `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`
      const allowed = issue.path.length === 0 ? ` (known fields: ${JSON_FIELDS.join(', ')})` : ''
      return `${at}: unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}${allowed}`
    }
    case 'invalid_type':
      return `${at}: expected ${issue.expected === 'object' ? 'an object' : issue.expected}`
    case 'invalid_union':
      return `${at}: expected ${unionExpectation(issue.path)}`
    case 'too_big':
      return `${at}: at most ${String(issue.maximum)} ${issue.origin === 'array' ? 'items' : 'characters'} allowed`
    default:
      return `${at}: ${issue.message}`
  }
}

function unionExpectation(path: readonly PropertyKey[]): string {
  const field = path[0]
  if (field === 'body' && path.length > 1) {
    return 'a string, an object { spans }, { type: "list", items } or { type: "figure", url }'
  }
  if (field === 'body') return 'a string or an array of body entries'
  if (field === 'related') return 'a string or an object { title, url? }'
  return 'a string or an object { name }'
}

/** `['authors', 2, 'name']` → `authors[2].name` */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) =>
      typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key),
    '',
  )
}
