import { raw } from 'hono/html'

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g

/**
 * JSON that cannot close its script element or open a comment in it: `<`, `>`, `&`, U+2028 and
 * U+2029 become \u escapes, which JSON.parse reads back unchanged.
 */
export function jsonForScript(data: object): string {
  return JSON.stringify(data).replace(
    UNSAFE_IN_SCRIPT,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** A data block: not executed, so the CSP needs no hash for it. */
export function JsonLd({ data }: { data: object }) {
  return <script type="application/ld+json">{raw(jsonForScript(data))}</script>
}
