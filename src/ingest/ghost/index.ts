export { ghostKind, ghostStatus, parseGhostPost, type GhostPostMeta } from './post'
export {
  GhostIndex,
  GhostPosts,
  type GhostBroken,
  type GhostEvent,
  type GhostIndexData,
  type GhostPostEvent,
  type GhostResume,
} from './split'
export { ghostPublication } from './status'
