import { sql } from 'drizzle-orm'
import {
  customType,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import { ARTICLE_STATUSES, REVISION_REASONS, SOURCE_FORMATS } from '../model/article'
import { IMPORT_FORMATS, IMPORT_STATUSES, ITEM_STATUSES } from '../model/imports'

/** Raw bytes without Node's Buffer (the worker runs without nodejs_compat). */
const bytes = customType<{ data: Uint8Array; driverData: ArrayBuffer | Uint8Array | number[] }>({
  dataType: () => 'blob',
  fromDriver: (value) =>
    value instanceof Uint8Array
      ? value
      : Array.isArray(value)
        ? Uint8Array.from(value)
        : new Uint8Array(value),
})

const timestamp = (name: string) =>
  text(name)
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`)

/** The current state of each article. Earlier states live in `revisions`. */
export const articles = sqliteTable(
  'articles',
  {
    id: text('id').primaryKey(),
    /** `url:<sourceUrl>` when the upload named one, else `slug:<slug>`: what makes two uploads the same article. */
    identity: text('identity').notNull(),
    slug: text('slug').notNull(),
    sourceUrl: text('source_url'),
    /** linkKey(sourceUrl) (src/model/link-key.ts): what links in other articles are matched on. */
    linkKey: text('link_key'),
    title: text('title').notNull(),
    headline: text('headline').notNull(),
    /** slugify(title) and slugify(headline): what related headlines elsewhere are matched on. */
    titleKey: text('title_key'),
    headlineKey: text('headline_key'),
    kicker: text('kicker'),
    dateline: text('dateline'),
    summary: text('summary').notNull(),
    wordCount: integer('word_count').notNull(),
    publishedAt: text('published_at'),
    modifiedAt: text('modified_at'),
    siteName: text('site_name'),
    language: text('language'),
    imageUrl: text('image_url'),
    imageCaption: text('image_caption'),
    /** publishedAt, else the first upload time: the order of every listing. */
    sortKey: text('sort_key').notNull(),
    revision: integer('revision').notNull(),
    /** The original upload behind the current revision. */
    sourceId: text('source_id').notNull(),
    /** SHA-256 of the current revision's normalized content, to detect unchanged uploads. */
    fingerprint: text('fingerprint').notNull(),
    createdAt: timestamp('created_at'),
    updatedAt: timestamp('updated_at'),
    /** Soft delete: a deleted article serves 404 but keeps its revisions and sources. */
    deletedAt: text('deleted_at'),
    /** Only a `published` article is on a public surface; drafts and scheduled ones are the API's. */
    status: text('status', { enum: ARTICLE_STATUSES }).notNull().default('published'),
    /** When a `scheduled` article goes out (the cron publishes it); null otherwise. */
    publishAt: text('publish_at'),
  },
  (t) => [
    uniqueIndex('articles_identity_uq').on(t.identity),
    uniqueIndex('articles_slug_uq').on(t.slug),
    index('articles_listing_idx').on(t.deletedAt, t.status, t.sortKey, t.id),
    index('articles_due_idx').on(t.status, t.publishAt),
    index('articles_title_key_idx').on(t.titleKey),
    index('articles_headline_key_idx').on(t.headlineKey),
    index('articles_link_key_idx').on(t.linkKey),
  ],
)

/** Original uploads, byte for byte, so every article can be re-normalized later. */
export const sources = sqliteTable(
  'sources',
  {
    id: text('id').primaryKey(),
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id),
    format: text('format', { enum: SOURCE_FORMATS }).notNull(),
    contentType: text('content_type').notNull(),
    sha256: text('sha256').notNull(),
    byteLength: integer('byte_length').notNull(),
    /** Query parameters that came with the upload (sourceUrl, publishedAt), as JSON. */
    meta: text('meta').notNull(),
    /**
     * Where the bytes are: the R2 object (content-addressed, see src/blobs/originals.ts), or
     * null for an upload stored before originals moved to R2, whose bytes are `source_chunks`
     * rows until the migration moves them.
     */
    r2Key: text('r2_key'),
    /**
     * Set when the bytes are a range of that object, `byte_length` long from here: an import
     * item's original is kept in its chunk, which holds it exactly as the archive did.
     */
    r2Offset: integer('r2_offset'),
    /**
     * The status the document itself asked for (a JSON field, front matter, an export's post
     * status), as JSON `{"status","publishAt"}`; null when it asked none, or for a source stored
     * before this was kept. An upload asking what its article's current source asked brings no
     * new status: an editor's change since stands.
     */
    asked: text('asked'),
    createdAt: timestamp('created_at'),
  },
  (t) => [index('sources_article_idx').on(t.articleId, t.sha256)],
)

/** A source's bytes in pieces small enough for D1's row limit: originals stored before R2. */
export const sourceChunks = sqliteTable(
  'source_chunks',
  {
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id),
    seq: integer('seq').notNull(),
    data: bytes('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.seq] })],
)

export const revisions = sqliteTable(
  'revisions',
  {
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id),
    number: integer('number').notNull(),
    sourceId: text('source_id').notNull(),
    fingerprint: text('fingerprint').notNull(),

    reason: text('reason', { enum: REVISION_REASONS }).notNull(),
    /** The normalized article of this revision, as JSON. */
    snapshot: text('snapshot').notNull(),
    /** The article's status and publishAt as of this revision. */
    status: text('status', { enum: ARTICLE_STATUSES }).notNull().default('published'),
    publishAt: text('publish_at'),
    createdAt: timestamp('created_at'),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.number] })],
)

export const authors = sqliteTable('authors', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
})

export const articleAuthors = sqliteTable(
  'article_authors',
  {
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id),
    position: integer('position').notNull(),
    authorSlug: text('author_slug')
      .notNull()
      .references(() => authors.slug),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.position] }),
    index('article_authors_author_idx').on(t.authorSlug),
  ],
)

export const tags = sqliteTable('tags', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
})

export const articleTags = sqliteTable(
  'article_tags',
  {
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id),
    position: integer('position').notNull(),
    tagSlug: text('tag_slug')
      .notNull()
      .references(() => tags.slug),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.position] }),
    index('article_tags_tag_idx').on(t.tagSlug),
  ],
)

/**
 * Body blocks in order. `data` holds what a type needs beyond text (heading level, whether a list
 * is ordered) as JSON; a list's items are its text, one a line.
 */
export const blocks = sqliteTable(
  'blocks',
  {
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id),
    position: integer('position').notNull(),
    type: text('type', { enum: ['paragraph', 'heading', 'quote', 'list', 'figure'] }).notNull(),
    text: text('text').notNull(),
    data: text('data'),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.position] })],
)

export const related = sqliteTable(
  'related',
  {
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    url: text('url'),
    /** slugify(title), matched against articles' title and headline keys to link related stories. */
    titleKey: text('title_key'),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.position] }),
    index('related_title_key_idx').on(t.titleKey),
  ],
)

/**
 * Where the links in an article's text point, each target once, as linkKey makes it: resolved to
 * stored articles when the article is read, and matched when one of those changes.
 */
export const links = sqliteTable(
  'links',
  {
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id),
    urlKey: text('url_key').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.urlKey] }),
    index('links_url_key_idx').on(t.urlKey),
  ],
)

/** Text kept beside the body: archive notices and image captions or credits. */
export const notes = sqliteTable(
  'notes',
  {
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id),
    kind: text('kind', { enum: ['notice', 'caption'] }).notNull(),
    position: integer('position').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.kind, t.position] })],
)

/**
 * Old slugs of authors and tags, each naming the slug its articles moved to (src/articles/reslug.ts):
 * their pages answer 301 there. A slug that names a live author or tag again is that one.
 */
export const slugRedirects = sqliteTable(
  'slug_redirects',
  {
    kind: text('kind', { enum: ['author', 'tag'] }).notNull(),
    oldSlug: text('old_slug').notNull(),
    newSlug: text('new_slug').notNull(),
    createdAt: timestamp('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.oldSlug] }),
    index('slug_redirects_new_idx').on(t.kind, t.newSlug),
  ],
)

/**
 * One version number per cached collection page scope (`index`, later `author:<slug>`, `tag:<slug>`).
 * Bumped in the same batch as the write that changes the scope, so KV page keys that embed it can
 * never serve a stale page.
 */
export const cacheEpochs = sqliteTable('cache_epochs', {
  scope: text('scope').primaryKey(),
  epoch: integer('epoch').notNull(),
})

export type ArticleRow = typeof articles.$inferSelect
export type SourceRow = typeof sources.$inferSelect
export type RevisionRow = typeof revisions.$inferSelect

/**
 * Import jobs: an archive stored in R2, split into chunks, each chunk stored by a queue
 * consumer. D1 is the record of every job's progress; queue messages only say what to do next,
 * so a message lost (a process killed) is found by the sweeper and sent again.
 */
export const importJobs = sqliteTable(
  'import_jobs',
  {
    id: text('id').primaryKey(),
    status: text('status', { enum: IMPORT_STATUSES }).notNull(),
    format: text('format', { enum: IMPORT_FORMATS }).notNull(),
    contentType: text('content_type').notNull(),
    /** The archive, byte for byte, in R2. */
    archiveKey: text('archive_key').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** Items found in the archive so far; final once `split` is true. */
    total: integer('total').notNull().default(0),
    /** Entries of the archive that are not articles (pages, attachments), not in `total`. */
    skipped: integer('skipped').notNull().default(0),
    chunks: integer('chunks').notNull().default(0),
    split: integer('split', { mode: 'boolean' }).notNull().default(false),
    /** Where splitting goes on (a byte offset) and what it carries between invocations (JSON). */
    splitAt: integer('split_at').notNull().default(0),
    splitState: text('split_state'),
    /** Why the job stopped before reading its whole archive, when it did. */
    errorCode: text('error_code'),
    error: text('error'),
    createdAt: timestamp('created_at'),
    /** Last progress: the sweeper resends work for jobs quiet too long. */
    updatedAt: timestamp('updated_at'),
    /** When the sweeper last sent its work again. */
    nudgedAt: text('nudged_at'),
    finishedAt: text('finished_at'),
  },
  (t) => [
    index('import_jobs_created_idx').on(t.createdAt, t.id),
    index('import_jobs_status_idx').on(t.status, t.updatedAt),
  ],
)

/** A chunk of a job's items, stored in R2 as one object; stored into articles by one message. */
export const importChunks = sqliteTable(
  'import_chunks',
  {
    jobId: text('job_id')
      .notNull()
      .references(() => importJobs.id),
    seq: integer('seq').notNull(),
    /** The index in the job of the chunk's first item. */
    first: integer('first').notNull(),
    items: integer('items').notNull(),
    key: text('key').notNull(),
    status: text('status', { enum: ['pending', 'done'] }).notNull(),
    updatedAt: timestamp('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.seq] }),
    index('import_chunks_pending_idx').on(t.status, t.updatedAt),
  ],
)

/** Each item's outcome, written in the same batch as the article it stored. */
export const importItems = sqliteTable(
  'import_items',
  {
    jobId: text('job_id')
      .notNull()
      .references(() => importJobs.id),
    /** The item's index in the job, from 0. */
    seq: integer('seq').notNull(),
    status: text('status', { enum: ITEM_STATUSES }).notNull(),
    /** Where the item was: its line (NDJSON, from 1), its file (multipart) or its guid. */
    line: integer('line'),
    file: text('file'),
    guid: text('guid'),
    /** Something unreadable: the byte of the archive it starts at. */
    byteOffset: integer('byte_offset'),
    articleId: text('article_id'),
    revision: integer('revision'),
    code: text('code'),
    message: text('message'),
    /** A failure that may pass when tried again (storage, a lost race), not the item's own. */
    retryable: integer('retryable', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.seq] }),
    index('import_items_status_idx').on(t.jobId, t.status),
  ],
)

/**
 * API keys besides the INGEST_TOKEN. Only the SHA-256 of a secret is kept; a key is found by it
 * (one indexed read). Revoking deletes the row.
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** JSON array of scopes. */
    scopes: text('scopes').notNull(),
    /** SHA-256 of the secret, hex. */
    secretHash: text('secret_hash').notNull(),
    prefix: text('prefix').notNull(),
    createdAt: timestamp('created_at'),
    expiresAt: text('expires_at'),
    lastUsedAt: text('last_used_at'),
  },
  (t) => [uniqueIndex('api_keys_secret_hash_idx').on(t.secretHash)],
)
export type ApiKeyRow = typeof apiKeys.$inferSelect

/**
 * Webhook endpoints: where events are delivered, signed with `secret` (Standard Webhooks). While
 * a secret is rotated, the previous one signs too until `previous_until`.
 */
export const webhookEndpoints = sqliteTable('webhook_endpoints', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  /** JSON array of event types. */
  events: text('events').notNull(),
  secret: text('secret').notNull(),
  previousSecret: text('previous_secret'),
  previousUntil: text('previous_until'),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  /** Why the endpoint was disabled by the sender (it answered 410), when it was. */
  disabledReason: text('disabled_reason'),
  createdAt: timestamp('created_at'),
  updatedAt: timestamp('updated_at'),
})
export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect

/**
 * The outbox: one row per event, written in the batch of the change it reports (so a write that
 * rolls back reports nothing), sent to the webhook queue after the response and by the cron.
 * The payload is made when the event is first sent, and every delivery of it sends those bytes.
 */
export const webhookEvents = sqliteTable(
  'webhook_events',
  {
    /** The `webhook-id` of every delivery of this event. */
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    articleId: text('article_id'),
    revision: integer('revision'),
    jobId: text('job_id'),
    payload: text('payload'),
    createdAt: timestamp('created_at'),
    /** Taken by a drain (sent within a minute, or taken again). */
    claimedAt: text('claimed_at'),
    dispatchedAt: text('dispatched_at'),
  },
  (t) => [index('webhook_events_pending_idx').on(t.dispatchedAt, t.createdAt)],
)
export type WebhookEventRow = typeof webhookEvents.$inferSelect

/** Every delivery attempt, per endpoint: the delivery log. */
export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id').notNull(),
    eventId: text('event_id').notNull(),
    attempt: integer('attempt').notNull(),
    at: timestamp('at'),
    /** delivered, retrying, failed (a 4xx, no retry), gone (410: disabled), dead (no try left). */
    outcome: text('outcome').notNull(),
    status: integer('status'),
    latencyMs: integer('latency_ms'),
    /** The first 200 characters of the answer, or the network error. */
    excerpt: text('excerpt'),
  },
  (t) => [index('webhook_attempts_endpoint_idx').on(t.endpointId, t.at)],
)
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect

/**
 * The keys that sign preview links. Links are signed by the newest key not retired (made at first
 * use); a re-key retires every key, so its links are refused. A retired key keeps its secret, so
 * a link it signed is still recognized as genuine and refused as revoked, not as forged.
 */
export const previewKeys = sqliteTable('preview_keys', {
  id: text('id').primaryKey(),
  /** 32 random bytes, base64url: the HMAC-SHA256 key. */
  secret: text('secret').notNull(),
  createdAt: timestamp('created_at'),
  retiredAt: text('retired_at'),
})
export type PreviewKeyRow = typeof previewKeys.$inferSelect
