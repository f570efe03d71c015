import { decodeXML } from 'entities'
import { IngestError } from '../errors'
import { XmlScanner } from './scan'
import { TextField } from './text-field'

/** One child element of an `<item>`: `<title>`, `<wp:status>`, `<category domain="…">`. */
export interface ItemField {
  name: string
  attrs: Record<string, string>
  /** Its own text (entities decoded, CDATA as is); nested elements' text is not included. */
  text: string
}

const invalid = (reason: string) => new IngestError(400, 'invalid_wxr', `the WXR item ${reason}`)
const ATTRIBUTE = /\s([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

/** The children of one `<item>`, in order. Throws IngestError 400 `invalid_wxr`. */
export function readItem(xml: string): ItemField[] {
  const fields: ItemField[] = []
  let field: { name: string; attrs: Record<string, string>; text: TextField } | null = null
  let seen = false
  let closed = false
  const scanner: XmlScanner = new XmlScanner({
    open(name, tag) {
      const depth = scanner.path.length
      if (depth === 0 && (seen || name !== 'item')) throw invalid(`holds <${name}> outside <item>`)
      seen = true
      if (depth === 1) field = { name, attrs: attributes(tag), text: new TextField() }
    },
    close(_name, _start, _end, proper) {
      const depth = scanner.path.length
      if (depth === 2 && field) {
        fields.push({ name: field.name, attrs: field.attrs, text: field.text.value() })
        field = null
      } else if (depth === 1) closed = proper
    },
    text(raw) {
      if (scanner.path.length === 2) field?.text.text(raw)
      else if (scanner.path.length === 0 && raw.trim() !== '') throw invalid('has text outside it')
    },
    cdata(text) {
      if (scanner.path.length === 2) field?.text.cdata(text)
    },
    fail(_at, reason) {
      throw invalid(`is not readable XML: ${reason}`)
    },
  })
  scanner.write(xml)
  const inside = scanner.end()
  if (!seen) throw invalid('has no <item> element')
  if (!closed || inside) throw invalid(`is cut off${inside ? ` inside ${inside}` : ''}`)
  return fields
}

function attributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = Object.create(null)
  for (const [, name, double, single] of tag.matchAll(ATTRIBUTE)) {
    attrs[name!] = decodeXML(double ?? single ?? '')
  }
  return attrs
}

/** The trimmed text of the first child named `name`, or null when there is none or it is blank. */
export function fieldText(fields: ItemField[], name: string): string | null {
  return fields.find((f) => f.name === name)?.text.trim() || null
}
