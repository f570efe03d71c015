import type { Child } from 'hono/jsx'
import type { Block, LeadImage, Span } from '../model/article'
import { safeHref } from './paths'

/**
 * Links from an article's text lead elsewhere on the reader's behalf: no `window.opener`, no
 * referrer (the reader's path is theirs), and `nofollow` since the site does not vouch for what
 * an upload links to. Links to this site's own pages are plain, and so is a link to the original
 * of an article stored here: it leads to that article's page (`localHref`). `origin`, when given
 * (feeds), makes those absolute.
 */
const EXTERNAL_REL = 'noopener noreferrer nofollow'

function Run({ span, origin }: { span: Span; origin?: string }) {
  if (span.br) return <br />
  let node: Child = span.text
  if (span.strong) node = <strong>{node}</strong>
  if (span.em) node = <em>{node}</em>
  const target = span.localHref ?? span.href
  const href = target ? safeHref(target) : null
  if (href === null) return <>{node}</>
  if (!href.startsWith('/'))
    return (
      <a href={href} rel={EXTERNAL_REL}>
        {node}
      </a>
    )
  return <a href={origin ? origin.replace(/\/+$/, '') + href : href}>{node}</a>
}

/** A text block's (or a list item's) content: its runs when it has them, else its text. */
function Inline({
  block,
  origin,
}: {
  block: { text: string; spans?: Span[] | null }
  origin?: string
}) {
  if (!block.spans) return <>{block.text}</>
  return (
    <>
      {block.spans.map((span) => (
        <Run span={span} origin={origin} />
      ))}
    </>
  )
}

/**
 * An image where it was found (its original URL), lazy and as wide as the column at most; the
 * caption and credit stay when the image is gone, and the browser shows the alt text.
 */
export function Figure(props: {
  url: string
  alt: string
  caption: string
  credit: string | null
}) {
  const src = safeHref(props.url)
  const shown = src !== null && !src.startsWith('/')
  if (!shown && !props.caption && !props.credit) return null
  return (
    <figure>
      {shown && (
        <img
          src={src}
          alt={props.alt}
          loading="lazy"
          decoding="async"
          referrerpolicy="no-referrer"
        />
      )}
      {(props.caption || props.credit) && (
        <figcaption>
          {props.caption}
          {props.caption && props.credit && ' '}
          {props.credit && <span class="credit">{props.credit}</span>}
        </figcaption>
      )}
    </figure>
  )
}

/** The lead image above the text; its caption doubles as alt text when it has one. */
export function LeadFigure({ image }: { image: LeadImage | null }) {
  if (!image) return null
  const caption = image.caption ?? ''
  return <Figure url={image.url} alt={caption} caption={caption} credit={null} />
}

function renderBlock(block: Block, origin?: string) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <Inline block={block} origin={origin} />
        </p>
      )
    case 'heading': {
      const inner = <Inline block={block} origin={origin} />
      if (block.level === 2) return <h2>{inner}</h2>
      return block.level === 3 ? <h3>{inner}</h3> : <h4>{inner}</h4>
    }
    case 'quote':
      return (
        <blockquote>
          <p>
            <Inline block={block} origin={origin} />
          </p>
        </blockquote>
      )
    case 'list': {
      const items = block.items.map((text, i) => (
        <li>
          <Inline block={{ text, spans: block.itemSpans?.[i] }} origin={origin} />
        </li>
      ))
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>
    }
    case 'figure':
      return <Figure url={block.url} alt={block.alt} caption={block.text} credit={block.credit} />
  }
}

const Dateline = ({ text }: { text: string }) => <span class="dateline">{text} —</span>

/**
 * The blocks in order; the dateline opens the first paragraph, as it did in print. `image`: the
 * lead image, shown first; `origin`: where root-relative links point (feeds).
 */
export function ArticleBody({
  blocks,
  dateline,
  image,
  origin,
}: {
  blocks: Block[]
  dateline: string | null
  image?: LeadImage | null
  origin?: string
}) {
  const first = dateline ? blocks.findIndex((block) => block.type === 'paragraph') : -1
  return (
    <div class="body">
      {image && <LeadFigure image={image} />}
      {dateline && first === -1 && (
        <p>
          <Dateline text={dateline} />
        </p>
      )}
      {blocks.map((block, i) =>
        i === first && dateline && block.type === 'paragraph' ? (
          <p>
            <Dateline text={dateline} /> <Inline block={block} origin={origin} />
          </p>
        ) : (
          renderBlock(block, origin)
        ),
      )}
    </div>
  )
}
