import { headlineKind } from './related'

export type Item =
  | { kind: 'text' | 'related' | 'notice' | 'caption'; text: string }
  | { kind: 'byline'; names: string[] }
  | { kind: 'label' }

// `PHOTOS: Scenes from the protest` reads as a caption, but in a list of headlines it is a link.
const LINK_LINE = /^(?:PHOTOS?|VIDEOS?|MAPS?|GRAPHICS?|INTERACTIVE|TIMELINE|GALLERY):\s/
const KICKER_START = /^\p{Lu}[\p{Lu}.\s]*:\s/u

/**
 * Indexes of items that are related-post headlines: the lines after a `RELATED` label, the short
 * unpunctuated lines just before (or after) the closing byline, or, with no byline, a run of two
 * or more such lines ending the post. A run never takes the first body paragraph.
 */
export function findRelated(items: Item[]): number[] {
  const found = new Set<number>()
  const isBody = (i: number) => items[i]?.kind === 'text' && !found.has(i)
  /** Headline kind of item i; null when it is no candidate. `labelled`: a label vouches for it. */
  const kind = (i: number, labelled = false) => {
    const item = items[i]
    if (item?.kind === 'caption' && LINK_LINE.test(item.text)) return headlineKind(item.text, 1)
    if (item?.kind !== 'text') return null
    // Unlabelled, `More to come` is a sign-off; `IRAN: Ahmadinejad defiant` is a headline.
    return headlineKind(item.text, labelled ? 1 : KICKER_START.test(item.text) ? 3 : 4)
  }
  const skippable = (i: number) =>
    (items[i]?.kind === 'caption' && kind(i) === null) || items[i]?.kind === 'related'

  items.forEach((item, label) => {
    if (item.kind !== 'label') return
    for (let i = label + 1; i < items.length; i++) {
      if (skippable(i)) continue
      if (!kind(i, true)) break
      found.add(i)
    }
  })

  // Runs below never take this paragraph, so it stays the first body paragraph throughout.
  const firstBody = items.findIndex((_, i) => isBody(i))
  const hasBodyBefore = (i: number) => firstBody >= 0 && firstBody < i
  const bylines = items.flatMap((item, i) =>
    item.kind === 'byline' && hasBodyBefore(i) ? [i] : [],
  )
  const closing = bylines.at(-1)
  for (const byline of bylines) addRun(runBefore(byline))
  if (closing !== undefined) {
    for (let i = closing + 1; i < items.length; i++) {
      if (skippable(i)) continue
      if (!kind(i)) break
      found.add(i)
    }
  } else {
    const run = runBefore(items.length)
    if (run.filter((i) => kind(i) === 'strict').length >= 2) addRun(run)
  }
  return [...found].sort((a, b) => a - b)

  /** Candidate headlines just before `end`, captions skipped, topmost `?`/`!` lines left out. */
  function runBefore(end: number): number[] {
    const run: number[] = []
    for (let i = end - 1; i >= 0; i--) {
      if (skippable(i)) continue
      if (!kind(i)) break
      run.push(i)
    }
    run.reverse()
    const strict = run.findIndex((i) => kind(i) === 'strict')
    return strict < 0 ? [] : run.slice(strict)
  }

  function addRun(run: number[]): void {
    const start = run[0]
    if (start !== undefined && hasBodyBefore(start)) run.forEach((i) => found.add(i))
  }
}
