import type { Block } from '../model/article'

function renderBlock(block: Block) {
  switch (block.type) {
    case 'paragraph':
      return <p>{block.text}</p>
    case 'heading':
      if (block.level === 2) return <h2>{block.text}</h2>
      return block.level === 3 ? <h3>{block.text}</h3> : <h4>{block.text}</h4>
    case 'quote':
      return (
        <blockquote>
          <p>{block.text}</p>
        </blockquote>
      )
    case 'list': {
      const items = block.items.map((item) => <li>{item}</li>)
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>
    }
  }
}

const Dateline = ({ text }: { text: string }) => <span class="dateline">{text} —</span>

/** The blocks in order; the dateline opens the first paragraph, as it did in print. */
export function ArticleBody({ blocks, dateline }: { blocks: Block[]; dateline: string | null }) {
  const first = dateline ? blocks.findIndex((block) => block.type === 'paragraph') : -1
  return (
    <div class="body">
      {dateline && first === -1 && (
        <p>
          <Dateline text={dateline} />
        </p>
      )}
      {blocks.map((block, i) =>
        i === first && dateline && block.type === 'paragraph' ? (
          <p>
            <Dateline text={dateline} /> {block.text}
          </p>
        ) : (
          renderBlock(block)
        ),
      )}
    </div>
  )
}
