import {
  articleJson,
  cachedPage,
  firstRead,
  foreignHostRead,
  listJson,
  listingPage,
  searchJson,
  oneOffSearch,
  searchPage,
} from './reads'
import type { World } from './world'
import { draftThenPublish, restoreFirst, scheduleSoon } from './publishing'
import { edit, reupload, sameTitleCreates, upload } from './writes'

type Op = (w: World) => Promise<void>

/** Relative weights of what a client does next. An edit also reads the page it changed. */
export const MIX: [number, Op][] = [
  [26, cachedPage],
  [8, firstRead],
  [8, listingPage],
  [14, articleJson],
  [7, listJson],
  [8, searchJson],
  [3, searchPage],
  [3, oneOffSearch],
  [3, foreignHostRead],
  [10, upload],
  [2, sameTitleCreates],
  [12, edit],
  [4, reupload],
  [3, draftThenPublish],
  [2, scheduleSoon],
  [2, restoreFirst],
]

const total = MIX.reduce((sum, [weight]) => sum + weight, 0)

function nextOp(): Op {
  let roll = Math.random() * total
  for (const [weight, op] of MIX) {
    roll -= weight
    if (roll < 0) return op
  }
  return MIX[0]![1]
}

/** `connections` clients in a closed loop until `seconds` are up; returns the seconds it took. */
export async function runWorkload(w: World, seconds: number, connections: number): Promise<number> {
  const started = performance.now()
  const deadline = started + seconds * 1000
  const client = async () => {
    while (performance.now() < deadline) await nextOp()(w)
  }
  await Promise.all(Array.from({ length: connections }, client))
  return (performance.now() - started) / 1000
}
