import type { Block } from '../../model/article'
import { linkDensity, squash, textOf } from './text'
import type { El } from './tree'

// A cell this long holds a page's layout (a column of text), not a value.
const LAYOUT_CELL = 1000

/** A data table's rows as paragraphs, one a row, its cells apart by ` | `; its caption first. */
export function tableRows(table: El): Block[] {
  const blocks: Block[] = []
  for (const row of rowsOf(table)) {
    const cells = row.map((cell) => squash(textOf(cell))).filter((text) => text !== '')
    if (cells.length > 0) blocks.push({ type: 'paragraph', text: cells.join(' | ') })
  }
  const caption = table.children.find((c): c is El => typeof c !== 'string' && c.tag === 'caption')
  const title = caption ? squash(textOf(caption)) : ''
  if (title !== '') blocks.unshift({ type: 'paragraph', text: title })
  return blocks
}

/**
 * A table of data (standings, prices, a recipe's amounts) rather than the page's layout, whose
 * cells are read as any container. Told as Readability tells it: headers, a caption or a summary
 * mark data, a nested table or `role=presentation` layout, else ten rows, five columns or over ten
 * cells are data. A cell as long as a column of text, or a table of links, is layout or a menu.
 */
export function isDataTable(table: El): boolean {
  const role = table.attrs.role ?? ''
  if (role === 'presentation' || role === 'none' || table.attrs.datatable === '0') return false
  // A table of links is a menu or a list of stories.
  if (linkDensity(table) > 0.5) return false
  let nested = false
  let headers = false
  let longCell = false
  const visit = (el: El) => {
    for (const child of el.children) {
      if (typeof child === 'string') continue
      if (child.tag === 'table') nested = true
      else if (/^(?:th|thead|tfoot|colgroup|col|caption)$/.test(child.tag)) headers = true
      if ((child.tag === 'td' || child.tag === 'th') && child.chars > LAYOUT_CELL) longCell = true
      if (child.tag !== 'table') visit(child)
    }
  }
  visit(table)
  if (nested || longCell) return false
  if (headers || table.attrs.summary) return true
  const rows = rowsOf(table)
  const columns = Math.max(0, ...rows.map((row) => row.length))
  return rows.length >= 10 || columns > 4 || rows.length * columns > 10
}

/** The table's own rows (in `thead`, `tbody`, `tfoot` or directly under it), each its cells. */
function rowsOf(table: El): El[][] {
  const rows: El[][] = []
  const visit = (el: El) => {
    for (const child of el.children) {
      if (typeof child === 'string') continue
      if (child.tag === 'tr') {
        const cells = child.children.filter(
          (c): c is El => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'),
        )
        rows.push(cells)
      } else if (child.tag === 'thead' || child.tag === 'tbody' || child.tag === 'tfoot') {
        visit(child)
      }
    }
  }
  visit(table)
  return rows
}
