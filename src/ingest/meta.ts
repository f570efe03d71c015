/**
 * What the upload's query string says about the article (the body's own values win), and for
 * an item of an import archive, what the archive says beside it: a WordPress item's author's
 * display name; a Ghost post's authors and tags (JSON lists) and image caption.
 */
export type UploadMeta = {
  sourceUrl?: string | null
  publishedAt?: string | null
  /** What the upload asks of its status (query parameters of a text or HTML upload). */
  status?: string
  publishAt?: string
  author?: string
  authors?: string
  tags?: string
  imageCaption?: string
}
