/** Helpers that read rendered pages the way a browser would, through workerd's HTML parser. */

export interface Element {
  tag: string
  attributes: Map<string, string>
}

export async function parseElements(html: string): Promise<Element[]> {
  const found: Element[] = []
  await new HTMLRewriter()
    .on('*', {
      element(el) {
        const attributes = new Map<string, string>()
        for (const [name = '', value = ''] of el.attributes) attributes.set(name, value)
        found.push({ tag: el.tagName, attributes })
      },
    })
    .transform(new Response(html))
    .text()
  return found
}

export function jsonLd(html: string): Record<string, unknown> {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)
  if (!match?.[1]) throw new Error('no JSON-LD block')
  return JSON.parse(match[1]) as Record<string, unknown>
}

/** The markup between the opening tag matched by `start` and its `</tag>` (no nesting of it). */
export function section(html: string, start: string, tag: string): string {
  const from = html.indexOf(start)
  if (from === -1) throw new Error(`${start} not found`)
  return html.slice(from, html.indexOf(`</${tag}>`, from) + tag.length + 3)
}

export const count = (html: string, needle: string) => html.split(needle).length - 1
