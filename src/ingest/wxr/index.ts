export { parseWxrItem, wxrKind, wxrStatus, type WxrItemMeta } from './item'
export { WxrSplitter, type WxrEvent } from './split'
export { DISCARDED_STATUSES, wxrPublication } from './status'
