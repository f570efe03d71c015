/**
 * Functions that run inside the page: `page.evaluate` sends each one's source text, so each uses
 * nothing from outside itself (vitest passes the source through as written; a transform that adds
 * helpers, such as esbuild's keepNames, would break them). The project's tsconfig has no DOM
 * library (the worker must not see one), so the few DOM shapes they use are declared here.
 */
export interface Box {
  top: number
  bottom: number
  left: number
  right: number
}
interface PageNode {
  nodeType: number
  textContent: string | null
  childNodes: ArrayLike<PageNode>
}
interface PageElement extends PageNode {
  matches(selector: string): boolean
  getBoundingClientRect(): Box & { width: number; height: number }
}
declare const window: { innerWidth: number }
declare const document: {
  documentElement: { scrollWidth: number }
  createRange(): {
    setStart(node: PageNode, offset: number): void
    setEnd(node: PageNode, offset: number): void
    getBoundingClientRect(): Box & { width: number; height: number }
  }
  querySelectorAll(selector: string): ArrayLike<PageElement>
}
declare function getComputedStyle(element: PageElement): { fontSize: string }

/** How wide the document is against the viewport: wider means sideways scrolling. */
export function overflow() {
  return { innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth }
}

export interface ParagraphMetrics {
  fontSize: number
  /** Content width in ems. */
  widthEm: number
  /** Characters on each line, spaces at the breaks left out. */
  lineChars: number[]
}

/** Text size, column width and the characters on every line of each matching paragraph. */
export function paragraphs(selector: string): ParagraphMetrics[] {
  const range = document.createRange()
  const textNodes = (node: PageNode): PageNode[] =>
    node.nodeType === 3 ? [node] : Array.from(node.childNodes).flatMap(textNodes)
  // Each character's box tells its line: a new line starts lower down.
  const lines = (p: PageElement) => {
    const found: string[] = []
    let line = ''
    let top = Number.NEGATIVE_INFINITY
    for (const node of textNodes(p)) {
      const text = node.textContent ?? ''
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i)
        range.setEnd(node, i + 1)
        const r = range.getBoundingClientRect()
        if (r.width === 0 && r.height === 0) continue
        if (r.top > top + r.height / 2) {
          if (top !== Number.NEGATIVE_INFINITY) found.push(line)
          line = ''
          top = r.top
        }
        line += text.charAt(i)
      }
    }
    if (line !== '') found.push(line)
    return found.map((l) => l.trim().length)
  }
  return Array.from(document.querySelectorAll(selector)).map((p) => {
    const fontSize = Number.parseFloat(getComputedStyle(p).fontSize)
    const widthEm = p.getBoundingClientRect().width / fontSize
    return { fontSize, widthEm, lineChars: lines(p) }
  })
}

export interface Target extends Box {
  text: string
  /** Whether it matches the selector the caller asked about. */
  asked: boolean
}

/** Every link and form control with its box, in viewport coordinates. */
export function targets(selector: string): Target[] {
  const all = Array.from(document.querySelectorAll('a[href], button, input, select, textarea'))
  return all.map((el) => {
    const { top, bottom, left, right } = el.getBoundingClientRect()
    return { top, bottom, left, right, text: el.textContent ?? '', asked: el.matches(selector) }
  })
}
