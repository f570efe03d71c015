import type { Target } from './in-page'

/** WCAG 2.5.8 (AA): 24 × 24 CSS px, or a 24 px circle around the target clear of the others. */
export const MIN_TARGET = 24

const small = (t: Target) => t.right - t.left < MIN_TARGET || t.bottom - t.top < MIN_TARGET
const centre = (t: Target) => ({ x: (t.left + t.right) / 2, y: (t.top + t.bottom) / 2 })

/** The targets too close to an undersized one: within 12 px of its centre, or small and 24 px. */
export function crowding(target: Target, all: Target[]): Target[] {
  if (!small(target)) return []
  const c = centre(target)
  return all.filter((other) => {
    if (other === target) return false
    const dx = Math.max(other.left - c.x, 0, c.x - other.right)
    const dy = Math.max(other.top - c.y, 0, c.y - other.bottom)
    const o = centre(other)
    const centres = Math.hypot(o.x - c.x, o.y - c.y)
    return Math.hypot(dx, dy) < MIN_TARGET / 2 || (small(other) && centres < MIN_TARGET)
  })
}
