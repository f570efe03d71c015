/** What the upload's query string says about the article; the body's own values win. */
export type UploadMeta = { sourceUrl?: string | null; publishedAt?: string | null }
