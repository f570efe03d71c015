export { parseWxrItem, wxrKind, wxrStatus, type WxrItemMeta } from './item'
export { WxrSplitter, type WxrEvent } from './split'
