import { isAlias, isMap, isScalar, parseDocument, visit, type Document } from 'yaml'
import { IngestError, overLimit } from '../errors'

// Front matter is metadata: this is plenty, and keeps yaml's work on any of it small.
export const MAX_FRONT_MATTER_CHARS = 65_536
// yaml's composer recurses once per level; a thousand levels overflow the stack.
export const MAX_YAML_NESTING = 32
// yaml resolves each alias by a search through the document's nodes, and bounds expansion by
// counting each alias's uses times the aliases inside its target: both stay small under this.
export const MAX_ALIASES = 100

const OPEN = /^---[ \t]*(?:\n|$)/
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m

export interface Source {
  /** The YAML between the `---` lines, or null when the file has no front matter. */
  yaml: string | null
  markdown: string
}

/** Front matter is a `---` first line and everything up to the next `---` (or `...`) line. */
export function splitFrontMatter(text: string): Source {
  if (/^\+\+\+[ \t]*(?:\n|$)/.test(text)) {
    throw invalid('TOML front matter (+++) is not supported; use YAML between --- lines')
  }
  const open = OPEN.exec(text)
  if (!open) return { yaml: null, markdown: text }
  const rest = text.slice(open[0].length)
  const close = CLOSE.exec(rest)
  if (!close) throw invalid('the --- on line 1 is never closed by a --- line')
  const end = close.index + close[0].length
  return { yaml: rest.slice(0, close.index), markdown: rest.slice(end + 1) }
}

/** The front matter as a plain object: an empty one for empty front matter. */
export function readFrontMatter(yaml: string): Record<string, unknown> {
  if (yaml.length > MAX_FRONT_MATTER_CHARS) {
    throw overLimit('front matter', `${MAX_FRONT_MATTER_CHARS} characters`)
  }
  checkNesting(yaml)
  // yaml's own duplicate-key check compares each key with every other: top-level keys are checked
  // below instead.
  const doc = parseDocument(yaml, {
    schema: 'core',
    prettyErrors: false,
    uniqueKeys: false,
    logLevel: 'silent',
  })
  const [error] = doc.errors
  if (error) throw invalid(`line ${lineOf(yaml, error.pos[0])}: ${error.message}`)
  checkDuplicateKeys(doc, yaml)
  let aliases = 0
  visit(doc, (_, node) => {
    if (isAlias(node) && ++aliases > MAX_ALIASES) return visit.BREAK
  })
  if (aliases > MAX_ALIASES) throw invalid(`more than ${MAX_ALIASES} aliases (*name)`)
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES })
  } catch (e) {
    throw invalid(e instanceof Error ? e.message : 'it could not be read')
  }
  if (value === null || value === undefined) return {}
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) {
    throw invalid('expected a mapping of keys to values (title: …)')
  }
  return value as Record<string, unknown>
}

/** An upper bound on YAML nesting: open brackets, and indentation plus `- ` / `? ` indicators. */
function checkNesting(yaml: string): void {
  let flow = 0
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml.charCodeAt(i)
    if (c === 0x5b || c === 0x7b) flow++
    else if ((c === 0x5d || c === 0x7d) && flow > 0) flow--
    if (flow > MAX_YAML_NESTING) throw invalid(`nested more than ${MAX_YAML_NESTING} levels deep`)
  }
  for (const line of yaml.split('\n')) {
    const indent = /^[ \t]*(?:[-?:](?:[ \t]+|$))*/.exec(line)?.[0].length ?? 0
    if (indent > 2 * MAX_YAML_NESTING && line.trim() !== '') {
      throw invalid(`nested more than ${MAX_YAML_NESTING} levels deep`)
    }
  }
}

function checkDuplicateKeys(doc: Document, yaml: string): void {
  if (!isMap(doc.contents)) return
  const seen = new Set<unknown>()
  for (const { key } of doc.contents.items) {
    const name = isScalar(key) ? key.value : key
    if (seen.has(name) && isScalar(key)) {
      throw invalid(`line ${lineOf(yaml, key.range?.[0] ?? 0)}: duplicate key ${String(name)}`)
    }
    seen.add(name)
  }
}

// The YAML starts on the file's second line, after the opening `---`.
const lineOf = (yaml: string, offset: number) => yaml.slice(0, offset).split('\n').length + 1

const invalid = (detail: string) =>
  new IngestError(400, 'invalid_front_matter', `front matter: ${detail}`)
