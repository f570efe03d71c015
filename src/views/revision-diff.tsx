import type { Child } from 'hono/jsx'
import type { Block } from '../model/article'
import type {
  BlockChange,
  FieldChange,
  RevisionContent,
  RevisionDiff,
  RevisionMeta,
  WordRun,
} from '../model/revisions'
import type { Site } from '../model/site'
import { Layout, renderDocument } from './layout'
import { headTag } from './head-tags'

/** A newline in a run (between a list's items) is a line break on the page. */
const lines = (text: string) =>
  text.split('\n').flatMap((line, i) => (i === 0 ? [line] : [<br />, line]))

function Runs({ runs }: { runs: WordRun[] }) {
  return (
    <>
      {runs.map((run) =>
        run.op === 'same' ? (
          lines(run.text)
        ) : run.op === 'added' ? (
          <ins>{lines(run.text)}</ins>
        ) : (
          <del>{lines(run.text)}</del>
        ),
      )}
    </>
  )
}

/** A block as it reads, or its frame around other content (a changed block's marked words). */
function BlockView({ block, children }: { block: Block; children?: Child }) {
  switch (block.type) {
    case 'paragraph':
      return <p>{children ?? block.text}</p>
    case 'heading':
      if (block.level === 2) return <h2>{children ?? block.text}</h2>
      return block.level === 3 ? (
        <h3>{children ?? block.text}</h3>
      ) : (
        <h4>{children ?? block.text}</h4>
      )
    case 'quote':
      return (
        <blockquote>
          <p>{children ?? block.text}</p>
        </blockquote>
      )
    case 'list': {
      if (children) return <p>{children}</p>
      const items = block.items.map((item) => <li>{item}</li>)
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>
    }
    case 'figure':
      // Named, not shown: an editor compares what changed, and a diff loads nothing from afar.
      return (
        <p class="figure-ref">
          Image <code>{block.url}</code>
          {block.text || children ? <>: {children ?? block.text}</> : null}
        </p>
      )
  }
}

function ChangeView({ change, later }: { change: BlockChange; later: RevisionContent }) {
  switch (change.change) {
    case 'unchanged':
      return <BlockView block={later.body[change.to]!} />
    case 'added':
      return (
        <ins>
          <BlockView block={change.block} />
        </ins>
      )
    case 'removed':
      return (
        <del>
          <BlockView block={change.block} />
        </del>
      )
    case 'changed':
      return (
        <BlockView block={later.body[change.to]!}>
          <Runs runs={change.words} />
        </BlockView>
      )
  }
}

/** A field's value in words: names and titles for lists of them, else the value itself. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '(none)'
  if (typeof value === 'string') return value
  if (Array.isArray(value)) {
    const parts = value.map((item: unknown) =>
      typeof item === 'string'
        ? item
        : item && typeof item === 'object' && 'name' in item
          ? String(item.name)
          : item && typeof item === 'object' && 'title' in item
            ? String(item.title)
            : JSON.stringify(item),
    )
    return parts.length ? parts.join('; ') : '(none)'
  }
  return JSON.stringify(value)
}

const FieldRow = ({ change }: { change: FieldChange }) => (
  <tr>
    <th scope="row">{change.field}</th>
    <td>
      {change.words ? (
        <Runs runs={change.words} />
      ) : (
        <>
          <del>{shown(change.from)}</del> <ins>{shown(change.to)}</ins>
        </>
      )}
    </td>
  </tr>
)

const describe = (meta: RevisionMeta) =>
  `revision ${meta.revision} (${meta.reason}, ${meta.status}, ${meta.createdAt})`

/** What changed between two revisions, for an editor: removed text struck, added underlined. */
export function renderRevisionDiff(diff: RevisionDiff, later: RevisionContent, site: Site): string {
  const heading = `Revision ${diff.from.revision} → ${diff.to.revision}`
  return renderDocument(
    <Layout
      site={site}
      title={`${heading}: ${later.headline} | ${site.name}`}
      description={`What changed in “${later.headline}” from ${describe(diff.from)} to ${describe(diff.to)}.`}
      head={headTag('meta', { name: 'robots', content: 'noindex' })}
    >
      <article>
        <header>
          <p class="kicker">{heading}</p>
          <h1>
            <a href={`/articles/${diff.slug}`}>{later.headline}</a>
          </h1>
          <p class="meta">
            From {describe(diff.from)} to {describe(diff.to)}.
          </p>
        </header>
        <h2>Fields</h2>
        {diff.fields.length === 0 ? (
          <p class="empty">No field changed.</p>
        ) : (
          <table class="results">
            <tbody>
              {diff.fields.map((change) => (
                <FieldRow change={change} />
              ))}
            </tbody>
          </table>
        )}
        <h2>Body</h2>
        <div class="body">
          {diff.body.map((change) => (
            <ChangeView change={change} later={later} />
          ))}
        </div>
      </article>
    </Layout>,
  )
}
