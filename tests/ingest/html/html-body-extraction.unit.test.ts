/**
 * Which text of a saved page is the article body: one page shape per case, each a cause of
 * lost or extra text seen on real pages (issue 14), written small with only the structure that
 * matters.
 */
import { describe, expect, it } from 'vitest'
import { normalizeUpload } from '../../../src/ingest'

const page = (article: string, around = '') =>
  normalizeUpload(
    {
      format: 'html',
      text: `<!doctype html><html lang="en"><head><title>Harbor league final standings</title></head>
<body><nav><a href="/">Home</a> <a href="/sports">Sports</a></nav>
<h1>Harbor league final standings</h1>${around}<article>${article}</article>
<footer><p>© 2024 The Bayside Courier. All rights reserved.</p></footer></body></html>`,
    },
    {},
  )
const texts = (article: ReturnType<typeof page>) =>
  article.body.map((b) => (b.type === 'list' ? b.items.join(' / ') : b.text))

const opening =
  '<p>The Harbor rowing league closed its season on Saturday with a record crowd on the water, as the Pier 3 crew held off a late charge from the Northside club to win the title by four points.</p>' +
  '<p>Coaches said the closer finish was the result of a new points system, adopted in March after two seasons in which the champion was known a month before the last race.</p>'

describe('a data table in the text', () => {
  const standings = `<table class="standings">
<tr><td><b>Pos.</b></td><td><b>Crew</b></td><td><b>Points</b></td><td><b>Wins</b></td></tr>
<tr><td>1</td><td>Pier 3</td><td>212</td><td>6</td></tr>
<tr><td>2</td><td>Northside</td><td>208</td><td>5</td></tr>
<tr><td>3</td><td>Old Harbor</td><td>170</td><td>2</td></tr>
</table>`

  it('keeps each row as a line of its cells, header row included', () => {
    const a = page(
      `${opening}<p>The final table:</p>${standings}<p>The new season opens in April.</p>`,
    )
    expect(texts(a).slice(2)).toEqual([
      'The final table:',
      'Pos. | Crew | Points | Wins',
      '1 | Pier 3 | 212 | 6',
      '2 | Northside | 208 | 5',
      '3 | Old Harbor | 170 | 2',
      'The new season opens in April.',
    ])
  })

  it('puts a caption first and reads header cells like any other', () => {
    const a = page(
      `${opening}<table><caption>Final standings</caption><thead><tr><th>Crew</th><th>Points</th></tr></thead><tbody><tr><td>Pier 3</td><td>212</td></tr></tbody></table>`,
    )
    expect(texts(a).slice(2)).toEqual(['Final standings', 'Crew | Points', 'Pier 3 | 212'])
  })

  it('reads a table that lays out the page as the text it holds, not as rows', () => {
    const a = page(
      `<table role="presentation"><tr><td>${opening}</td><td><p>Results compiled by the league office.</p></td></tr></table>`,
    )
    expect(texts(a)).toEqual([
      'The Harbor rowing league closed its season on Saturday with a record crowd on the water, as the Pier 3 crew held off a late charge from the Northside club to win the title by four points.',
      'Coaches said the closer finish was the result of a new points system, adopted in March after two seasons in which the champion was known a month before the last race.',
      'Results compiled by the league office.',
    ])
  })
})

describe('the opening paragraphs beside the main text container', () => {
  // The text is a run of <div>s; the first paragraphs sit beside the container that holds the
  // rest, one as a bare <div>, one wrapped in a <div> of its own.
  const rest = [
    'The Pier 3 crew, coached by Dana Whitfield, won six of its nine races, including the last two, and finished with 212 points.',
    'Northside, the champion for the past two seasons, won five races but lost points in a penalty, a false start, in June.',
    'Old Harbor finished third, its best result since 2015, with two wins, both in the spring, and a new boat.',
  ]
  const a = page(`<div class="story">
<div class="lead-wrap"><p class="story-paragraph">The Harbor rowing league closed its season on Saturday with a record crowd on the water, as the Pier 3 crew held off Northside.</p></div>
<div class="story-paragraph">It was the closest finish in a decade.</div>
<div class="story-rest">${rest.map((t) => `<div class="story-paragraph">${t}</div>`).join('')}</div>
</div>`)

  it('reads them with the rest, in order', () => {
    expect(texts(a)).toEqual([
      'The Harbor rowing league closed its season on Saturday with a record crowd on the water, as the Pier 3 crew held off Northside.',
      'It was the closest finish in a decade.',
      ...rest,
    ])
  })
})

describe('an article cut into like sections, the first wrapped deeper', () => {
  // Scores reach five levels above a paragraph; the first section's wrappers go deeper.
  const first = [
    'The Harbor rowing league closed its season on Saturday with a record crowd, as the Pier 3 crew held off Northside, the champion of the past two seasons, to win by four points.',
    'Coaches said the closer finish was the result of a new points system, adopted in March, after two seasons in which the champion was known a month early.',
  ]
  const second = [
    'The Pier 3 crew, coached by Dana Whitfield, won six of its nine races, including the last two, and finished with 212 points.',
    'Northside won five races but lost points in a penalty, a false start, in June, and never made them up.',
    'Old Harbor finished third, its best result since 2015, with two wins, both in the spring, and a new boat.',
    'The league will keep the new system next season, its board said, though it may shorten the calendar.',
  ]
  const ps = (list: string[]) => list.map((t) => `<p>${t}</p>`).join('')
  const a =
    page(`<div class="post-section"><div><div><div><div><div class="post-text">${ps(first)}</div></div></div></div></div></div>
<figure><img src="https://baysidecourier.example/crew.jpg" alt=""><figcaption>The Pier 3 crew at the finish.</figcaption></figure>
<div class="post-section"><div class="post-text">${ps(second)}</div></div>`)

  it('reads every section, in order', () => {
    const paragraphs = a.body.filter((b) => b.type === 'paragraph').map((b) => b.text)
    expect(paragraphs).toEqual([...first, ...second])
  })
})

describe('text shown only on paper or at no screen size', () => {
  const a = page(`${opening}
<div class="d-none d-lg-block"><p>Results are provisional until the league office confirms them on Monday.</p></div>
<div class="d-none d-print-block"><p>Citation: Harbor league final standings (2024, June 3), retrieved from the Bayside Courier.</p></div>
<p class="print-only">This article was printed from the Bayside Courier website.</p>`)

  it('is left out; text shown from some screen size on is kept', () => {
    expect(texts(a).slice(2)).toEqual([
      'Results are provisional until the league office confirms them on Monday.',
    ])
  })
})

describe('a gallery set as a list of figures', () => {
  const a = page(`${opening}<ul class="photos">
<li><figure><img src="https://baysidecourier.example/finish.jpg" alt="Boats at the line"><figcaption>The Pier 3 crew crosses the line.</figcaption></figure></li>
<li><figure><img src="https://baysidecourier.example/crowd.jpg" alt=""><figcaption>A record crowd on the seawall.</figcaption></figure></li>
</ul><p>The new season opens in April.</p>`)

  it('gives a figure for each item, not a list of captions', () => {
    expect(a.body.slice(2)).toEqual([
      {
        type: 'figure',
        text: 'The Pier 3 crew crosses the line.',
        url: 'https://baysidecourier.example/finish.jpg',
        alt: 'Boats at the line',
        credit: null,
      },
      {
        type: 'figure',
        text: 'A record crowd on the seawall.',
        url: 'https://baysidecourier.example/crowd.jpg',
        alt: '',
        credit: null,
      },
      { type: 'paragraph', text: 'The new season opens in April.' },
    ])
  })
})

describe('a sentence that links most of itself', () => {
  const a = page(`${opening}
<p>The Northside coach, Luis Vega, said his crew would <a href="/2024/05/12/northside-appeal/">appeal the June penalty that cost it the title</a>.</p>
<p>The Northside crew faces <a href="/2024/05/14/northside-fine/">a fine for the late entry of its second boat</a>.</p>
<p>This week's results include <a href="/2024/06/01/pier-3-wins/">the Pier 3 crew's title-clinching win</a>, <a href="/2024/06/01/northside-penalty/">the Northside penalty ruling</a> and <a href="/2024/06/01/old-harbor/">Old Harbor's best finish since 2015</a>. All of it is below.</p>
<p><a href="/sports/rowing/">Rowing</a> · <a href="/sports/sailing/">Sailing results</a> · <a href="/sports/swimming/">Swimming</a></p>
<p><a href="/2024/05/01/league-points/">How the league's new points system works</a></p>`)

  it('is kept; a row of links, or one link alone, is not body text', () => {
    expect(texts(a).slice(2)).toEqual([
      'The Northside coach, Luis Vega, said his crew would appeal the June penalty that cost it the title.',
      'The Northside crew faces a fine for the late entry of its second boat.',
      "This week's results include the Pier 3 crew's title-clinching win, the Northside penalty ruling and Old Harbor's best finish since 2015. All of it is below.",
    ])
  })
})

describe('the article inside a wrapper whose class names a sidebar', () => {
  // Layout scripts wrap the main column in `sticky-sidebar`-style classes too.
  const a = page(
    `${opening}<div class="author-bio"><p>Dana Reyes covers rowing and sailing for the Courier.</p></div>`,
    '<div class="sticky-sidebar-inner">',
  )

  it('is read at the strictest level, the author box in it left out', () => {
    expect(texts(a)).toEqual([
      'The Harbor rowing league closed its season on Saturday with a record crowd on the water, as the Pier 3 crew held off a late charge from the Northside club to win the title by four points.',
      'Coaches said the closer finish was the result of a new points system, adopted in March after two seasons in which the champion was known a month before the last race.',
    ])
  })
})

describe('a recipe card whose class names its photo', () => {
  const a = page(`${opening}<section class="recipe-card recipe-card-has-image">
<img src="https://baysidecourier.example/chowder.jpg" alt="A bowl of chowder">
<h3>Ingredients</h3>
<ul><li>2 pounds clams, scrubbed</li><li>4 slices bacon, diced</li><li>1 onion, chopped</li><li>3 potatoes, peeled and cubed</li><li>2 cups whole milk</li></ul>
<h3>Instructions</h3>
<ol><li>Steam the clams in a cup of water until they open, then chop them and keep the broth.</li><li>Cook the bacon until crisp, add the onion and cook until soft.</li><li>Add the potatoes, the broth and the milk, and simmer until the potatoes are tender.</li></ol>
</section>`)

  it('is read as text: its headings and lists, not one photo', () => {
    expect(texts(a).slice(2)).toEqual([
      'Ingredients',
      '2 pounds clams, scrubbed / 4 slices bacon, diced / 1 onion, chopped / 3 potatoes, peeled and cubed / 2 cups whole milk',
      'Instructions',
      'Steam the clams in a cup of water until they open, then chop them and keep the broth. / Cook the bacon until crisp, add the onion and cook until soft. / Add the potatoes, the broth and the milk, and simmer until the potatoes are tender.',
    ])
  })
})

describe('the date element set above the text', () => {
  // In any language: the element is marked as the date, its words need not be read.
  const a = page(
    `<span class="data" itemprop="datePublished" content="2024-06-03T20:13:00-03:00">segunda-feira, 3 de junho de 2024 às 20:13</span>${opening}`,
  )

  it('is the date, not the first line of the text', () => {
    expect(a.publishedAt).toBe('2024-06-03T23:13:00.000Z')
    expect(texts(a)).toEqual([
      'The Harbor rowing league closed its season on Saturday with a record crowd on the water, as the Pier 3 crew held off a late charge from the Northside club to win the title by four points.',
      'Coaches said the closer finish was the result of a new points system, adopted in March after two seasons in which the champion was known a month before the last race.',
    ])
  })
})

describe('the site asking the reader for something after the article', () => {
  const a = page(`${opening}
<p>Crews that follow the new rules next season will race a shorter calendar.</p>
<p>Join us on Saturday at Pier 3 for the awards, the league said.</p>
<p>Join our rowing forums to keep talking about the season.</p>
<p><em>Dana Reyes covers rowing for the Courier. Follow her on Twitter @danareyes.</em></p>
<p>Subscribe to the Courier and never miss a race report.</p>
<p>If you enjoyed this article, join our readers' club for early access to every story.</p>`)

  it('is left out: a follow, a subscription, a forum, a membership; an invitation is kept', () => {
    expect(texts(a).slice(2)).toEqual([
      'Crews that follow the new rules next season will race a shorter calendar.',
      'Join us on Saturday at Pier 3 for the awards, the league said.',
    ])
  })
})

describe('a list nested in a list item', () => {
  const a = page(
    `${opening}<ul><li><ul><li>Check the <strong>race calendar</strong> now</li><li>Register your crew</li></ul></li></ul>`,
  )

  it('keeps the words of its items apart, and their marks', () => {
    expect(a.body[2]).toEqual({
      type: 'list',
      ordered: false,
      items: ['Check the race calendar now Register your crew'],
      itemSpans: [
        [
          { text: 'Check the ' },
          { text: 'race calendar', strong: true },
          { text: ' now Register your crew' },
        ],
      ],
    })
  })
})

describe('a gallery player with its own labels and blurb', () => {
  // Its words are a player's (buttons, a count, a blurb in <div>s), not paragraphs of a card.
  const blurb =
    'Crews from across the bay raced in front of the largest crowd the league has drawn since its founding with boats from six clubs on the water for the final regatta of the season.'
  const a = page(`${opening}<div class="photo-gallery-embed">
<div class="gallery-bar">1 of 24 Full Screen Autoplay Close</div>
<img src="https://baysidecourier.example/gallery/finish.jpg" alt="">
<div class="gallery-blurb">${blurb}</div><div class="gallery-blurb">${blurb}</div>
<div class="gallery-caption">The Pier 3 crew crosses the line.</div>
</div><p>The new season opens in April, with the first regatta on the 12th, the league said, and a shorter calendar.</p><p>Northside, second this year, said it would appeal the June penalty, a false start, that cost it the title.</p>`)

  it('is one figure with its caption', () => {
    expect(a.body.slice(2)).toEqual([
      {
        type: 'figure',
        text: 'The Pier 3 crew crosses the line.',
        url: 'https://baysidecourier.example/gallery/finish.jpg',
        alt: '',
        credit: null,
      },
      {
        type: 'paragraph',
        text: 'The new season opens in April, with the first regatta on the 12th, the league said, and a shorter calendar.',
      },
      {
        type: 'paragraph',
        text: 'Northside, second this year, said it would appeal the June penalty, a false start, that cost it the title.',
      },
    ])
  })
})

describe('pictures set without <figure>', () => {
  const a = page(`${opening}
<p><a href="https://baysidecourier.example/finish-large.jpg"><img src="https://baysidecourier.example/finish.jpg" alt="" width="870" height="580"></a></p>
<p> </p>
<p><em>The Pier 3 crew crosses the line. Photo: Sam Park</em></p>
<div align="center"><img src="https://baysidecourier.example/crowd.jpg" alt="A record crowd on the seawall"><br><span class="small">A record crowd on the seawall</span></div>
<p>The new season opens in April.</p>
<p><img class="wp-smiley" src="https://baysidecourier.example/smile.png" alt=":)" width="16" height="16"></p>
<p><em>Results are provisional until Monday.</em></p>`)

  it('are figures; an italic line right under one is its caption, a line repeating its alt is not text', () => {
    expect(a.body.slice(2)).toEqual([
      {
        type: 'figure',
        text: 'The Pier 3 crew crosses the line.',
        url: 'https://baysidecourier.example/finish.jpg',
        alt: '',
        credit: 'Photo: Sam Park',
      },
      {
        type: 'figure',
        text: '',
        url: 'https://baysidecourier.example/crowd.jpg',
        alt: 'A record crowd on the seawall',
        credit: null,
      },
      { type: 'paragraph', text: 'The new season opens in April.' },
      {
        type: 'paragraph',
        text: 'Results are provisional until Monday.',
        spans: [{ text: 'Results are provisional until Monday.', em: true }],
      },
    ])
  })
})

describe("a post whose own tags name chrome (WordPress's post classes)", () => {
  // Tagged "social media" and "comments": the classes say what the post is about.
  const a =
    page(`<div id="post-42" class="post-42 post type-post status-publish format-standard hentry category-news tag-social-media tag-comments">
${opening}
<div class="sharedaddy sd-sharing-enabled"><p>Spread the word to your friends on every network you use.</p></div>
</div>`)

  it('is read at the strictest level, its sharing box left out', () => {
    expect(texts(a)).toEqual([
      'The Harbor rowing league closed its season on Saturday with a record crowd on the water, as the Pier 3 crew held off a late charge from the Northside club to win the title by four points.',
      'Coaches said the closer finish was the result of a new points system, adopted in March after two seasons in which the champion was known a month before the last race.',
    ])
  })
})

describe('a wrapper whose class names the page address', () => {
  const a = page(`<div class="node url-guides-rowing-sidebar-and-menu-tips">
${opening}
<div class="sharedaddy sd-sharing-enabled"><p>Spread the word to your friends on every network you use.</p></div>
</div>`)

  it('is read at the strictest level, its sharing box left out', () => {
    expect(texts(a)).toEqual([
      'The Harbor rowing league closed its season on Saturday with a record crowd on the water, as the Pier 3 crew held off a late charge from the Northside club to win the title by four points.',
      'Coaches said the closer finish was the result of a new points system, adopted in March after two seasons in which the champion was known a month before the last race.',
    ])
  })
})
