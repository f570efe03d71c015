/**
 * A strict XML 1.0 well-formedness checker that returns the element tree, for tests: workerd has
 * no DOMParser. It knows what feeds and sitemaps use (elements, attributes, references, comments,
 * CDATA, processing instructions) with ASCII names, and refuses DTDs.
 */

export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: (XmlElement | string)[]
}

export class NotWellFormed extends Error {}

const NOT_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u
const DECLARATION =
  /^<\?xml\s+version\s*=\s*(["'])1\.0\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>/
const NAME = /[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/y
const ATTRIBUTE = /\s+([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*=\s*(?:"([^<"]*)"|'([^<']*)')/y
const TAG_END = /\s*(\/?)>/y
const END_TAG = /<\/([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*>/y
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9A-Fa-f]+));/y
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function fail(message: string, at: number): never {
  throw new NotWellFormed(`${message} at offset ${at}`)
}

function decode(raw: string, at: number): string {
  let out = ''
  let pos = 0
  for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', pos)) {
    REFERENCE.lastIndex = amp
    const ref = REFERENCE.exec(raw)
    if (!ref) fail('bare & or unknown entity', at + amp)
    let char = ref[1] ? PREDEFINED[ref[1]]! : ''
    if (!ref[1]) {
      const code = ref[2] ? Number(ref[2]) : parseInt(ref[3]!, 16)
      char = code <= 0x10ffff ? String.fromCodePoint(code) : ''
      if (char === '' || NOT_CHAR.test(char)) fail('reference to an illegal character', at + amp)
    }
    out += raw.slice(pos, amp) + char
    pos = REFERENCE.lastIndex
  }
  return out + raw.slice(pos)
}

/** Parses `xml` or throws NotWellFormed naming the first problem. */
export function parseXml(xml: string): XmlElement {
  const illegal = NOT_CHAR.exec(xml)
  if (illegal) fail(`illegal character U+${illegal[0].charCodeAt(0).toString(16)}`, illegal.index)
  let pos = DECLARATION.exec(xml)?.[0].length ?? 0
  const stack: XmlElement[] = []
  let root: XmlElement | null = null

  const text = (raw: string, at: number) => {
    const parent = stack.at(-1)
    if (!parent) {
      if (!/^[ \t\r\n]*$/.test(raw)) fail('text outside the root element', at)
    } else {
      if (raw.includes(']]>')) fail('"]]>" in text', at + raw.indexOf(']]>'))
      parent.children.push(decode(raw, at))
    }
  }
  const closing = (marker: string, from: number) => {
    const end = xml.indexOf(marker, from)
    if (end === -1) fail(`no closing ${marker}`, from)
    return end
  }

  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos)
    text(xml.slice(pos, lt === -1 ? xml.length : lt), pos)
    if (lt === -1) break
    pos = lt
    if (xml.startsWith('<!--', pos)) {
      const end = closing('-->', pos + 4)
      const body = xml.slice(pos + 4, end)
      if (body.includes('--') || body.endsWith('-')) fail('"--" in a comment', pos)
      pos = end + 3
    } else if (xml.startsWith('<![CDATA[', pos)) {
      if (stack.length === 0) fail('CDATA outside the root element', pos)
      const end = closing(']]>', pos + 9)
      stack.at(-1)!.children.push(xml.slice(pos + 9, end))
      pos = end + 3
    } else if (xml.startsWith('<?', pos)) {
      NAME.lastIndex = pos + 2
      const target = NAME.exec(xml)?.[0]
      if (!target || target.toLowerCase() === 'xml') fail('bad processing instruction', pos)
      pos = closing('?>', pos + 2) + 2
    } else if (xml.startsWith('<!', pos)) {
      fail('DOCTYPE or markup declaration', pos)
    } else if (xml.startsWith('</', pos)) {
      END_TAG.lastIndex = pos
      const end = END_TAG.exec(xml)
      const open = stack.pop()
      if (!end || !open || end[1] !== open.name) fail(`end tag does not match <${open?.name}>`, pos)
      pos = END_TAG.lastIndex
    } else {
      NAME.lastIndex = pos + 1
      const name = NAME.exec(xml)?.[0]
      if (!name) fail('"<" that opens no tag', pos)
      if (root && stack.length === 0) fail('a second root element', pos)
      const element: XmlElement = { name, attributes: {}, children: [] }
      pos = NAME.lastIndex
      for (;;) {
        ATTRIBUTE.lastIndex = pos
        const found = ATTRIBUTE.exec(xml)
        if (!found) break
        const [, key = '', double, single] = found
        if (key in element.attributes) fail(`duplicate attribute ${key}`, pos)
        // A parser reports tab, CR and LF in an attribute value as spaces.
        element.attributes[key] = decode(double ?? single ?? '', pos).replace(/[\t\r\n]/g, ' ')
        pos = ATTRIBUTE.lastIndex
      }
      TAG_END.lastIndex = pos
      const end = TAG_END.exec(xml)
      if (!end) fail(`malformed start tag <${name}>`, pos)
      pos = TAG_END.lastIndex
      stack.at(-1)?.children.push(element)
      root ??= element
      if (end[1] !== '/') stack.push(element)
    }
  }
  if (stack.length > 0) fail(`<${stack.at(-1)!.name}> is not closed`, xml.length)
  if (!root) fail('no root element', 0)
  return root
}

const isElement = (node: XmlElement | string): node is XmlElement => typeof node !== 'string'

/** The children of `parent` named `name`, in order. */
export const childrenNamed = (parent: XmlElement, name: string) =>
  parent.children.filter(isElement).filter((child) => child.name === name)

/** The one child named `name`; throws when there are none or several. */
export function child(parent: XmlElement, name: string): XmlElement {
  const found = childrenNamed(parent, name)
  if (found.length !== 1) throw new Error(`<${parent.name}> has ${found.length} <${name}>`)
  return found[0]!
}

/** The decoded text content of an element and its descendants. */
export const textOf = (element: XmlElement): string =>
  element.children.map((node) => (isElement(node) ? textOf(node) : node)).join('')

/** The text of the one child named `name`. */
export const childText = (parent: XmlElement, name: string) => textOf(child(parent, name))
