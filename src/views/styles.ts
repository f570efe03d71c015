/**
 * The one stylesheet, inlined in every page. The CSP allows it by hash: after any edit here,
 * update STYLE_HASH (tests/views/styles.unit.test.ts prints the new value when they differ).
 */
export const STYLES = `
:root {
  color-scheme: light dark;
  --bg: #fdfcfa;
  --fg: #1c1c1c;
  --muted: #595959;
  --rule: #dcdcdc;
  --link: #1a4c9c;
  --accent: #8c1d1d;
  --note: #f3efe4;
  --serif: Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif;
  --sans: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #151515;
    --fg: #e6e4e0;
    --muted: #a6a6a6;
    --rule: #383838;
    --link: #8db6f5;
    --accent: #f2a7a0;
    --note: #221f18;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--fg);
  font: 1.125rem/1.6 var(--serif);
  overflow-wrap: break-word;
}
/* A line of prose fits more characters than its width in ch (the width of "0"): in a Times-like serif,
   65ch held 77 of the article's characters per line, 56ch holds 66 (tests/e2e/reading.e2e.ts). */
body > header, body > main, body > footer {
  max-width: calc(56ch + 2rem);
  margin: 0 auto;
  padding: 0 1rem;
}
/* The site's header and footer, and listings, use a wide screen; an article keeps its measure. */
body > header, body > footer, body.wide > main { max-width: 80rem; }
body > header { padding-block: 0.75rem; border-bottom: 1px solid var(--rule); }
body > main { padding-block: 1.5rem 3rem; }
body > footer { padding-block: 1rem 2rem; border-top: 1px solid var(--rule); }
/* Not on header and footer themselves: their ch must match main's so the three columns align. */
.site-name, body > footer, .kicker, .byline, .meta, nav, .notice, .captions, .tags, .related h2, .site-search {
  font-family: var(--sans);
}
body > footer, .meta, .captions { color: var(--muted); font-size: 0.875rem; }
.site-name { color: var(--fg); font-weight: 700; text-decoration: none; }
header.site { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; }
header.site .site-name { margin-right: auto; }
.site-nav ul, footer.site ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; list-style: none; margin: 0; padding: 0; }
.site-nav a, footer.site a { display: inline-block; padding-block: 0.375rem; }
.site-nav a { color: var(--fg); font-size: 0.9375rem; }
footer.site nav + nav { margin-top: 0.5rem; }
footer.site p { margin: 0.75rem 0 0; }
.site-search { display: flex; gap: 0.25rem; flex: 1 1 14rem; max-width: 22rem; }
.site-search input { flex: 1; min-width: 0; font-size: 0.9375rem; padding: 0.375rem 0.5rem; border: 1px solid var(--muted); border-radius: 4px; background: var(--bg); color: var(--fg); }
.site-search button { font-size: 0.9375rem; padding: 0.375rem 0.75rem; border: 1px solid var(--accent); border-radius: 4px; background: var(--accent); color: var(--bg); cursor: pointer; }
.pager { display: flex; justify-content: space-between; gap: 1rem; }
.months { columns: 14rem; column-gap: 2rem; padding: 0; list-style: none; font-family: var(--sans); }
.months li { padding: 0.25rem 0; break-inside: avoid; }
.months h2 { font-size: 1.125rem; margin: 1rem 0 0.25rem; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
a:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.skip:focus { left: 1rem; top: 1rem; padding: 0.5rem; background: var(--bg); }
h1, h2, h3, h4 { line-height: 1.2; margin: 1.5em 0 0.5em; }
h1 { font-size: clamp(1.75rem, 4vw + 1rem, 2.5rem); margin-top: 0.25rem; }
article > header { margin-bottom: 1.5rem; }
.kicker {
  margin: 0;
  color: var(--accent);
  font-variant-caps: all-small-caps;
  letter-spacing: 0.06em;
  font-weight: 600;
}
.kicker a { color: inherit; text-decoration: none; }
.byline { margin: 0.5rem 0 0; font-size: 0.9375rem; }
.meta { margin: 0.25rem 0 0; }
.dateline { font-family: var(--sans); font-size: 0.875em; font-weight: 600; letter-spacing: 0.03em; }
blockquote { margin: 1.5rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); font-style: italic; }
.notice {
  margin: 0 0 1.5rem;
  padding: 0.75rem 1rem;
  background: var(--note);
  border-radius: 4px;
  font-size: 0.875rem;
}
.notice p { margin: 0; }
.notice p + p { margin-top: 0.5rem; }
.captions, .related { margin-top: 2.5rem; padding-top: 1rem; border-top: 1px solid var(--rule); }
.captions h2, .related h2 { font-size: 0.875rem; text-transform: uppercase; letter-spacing: 0.06em; margin-top: 0; }
.related ul { padding-left: 1.25rem; }
.related li + li { margin-top: 0.5rem; }
.tags { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; margin: 2rem 0 0; padding: 0; font-size: 0.875rem; }
.tags a { display: inline-block; padding: 0.125rem 0.625rem; border: 1px solid var(--rule); border-radius: 999px; text-decoration: none; }
.articles { list-style: none; margin: 0; padding: 0; }
.articles > li { padding: 1.25rem 0; border-bottom: 1px solid var(--rule); }
.articles h2 { font-size: 1.375rem; margin: 0.125rem 0 0.25rem; }
.articles h2 a { color: var(--fg); text-decoration: none; }
.articles h2 a:hover { text-decoration: underline; }
.summary { margin: 0.5rem 0 0; }
.empty { color: var(--muted); }
main nav { margin-top: 2rem; font-size: 0.9375rem; }
@media (min-width: 64rem) {
  body.wide .articles { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); column-gap: 3rem; }
}
@media (min-width: 48rem) {
  body { font-size: 1.1875rem; }
}
button, input, select, textarea { font: inherit; }
/* minmax(0, 1fr): a file input's min-content width would otherwise widen the form past a phone's. */
form.upload { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; font-family: var(--sans); }
form.upload label { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.25rem; font-size: 0.9375rem; }
form.upload input, form.upload select, form.upload textarea, form.upload button { font-size: 1rem; padding: 0.5rem; border: 1px solid var(--rule); border-radius: 4px; background: var(--bg); color: var(--fg); max-width: 100%; }
form.upload button { justify-self: start; cursor: pointer; background: var(--accent); color: var(--bg); border-color: var(--accent); }
table.results { width: 100%; margin-bottom: 1.5rem; border-collapse: collapse; font-family: var(--sans); font-size: 0.875rem; }
table.results th, table.results td { text-align: left; padding: 0.375rem 0.5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
/* In a table, anywhere lets a column shrink below its longest word, and the table then breaks words in
   every column it narrows: only cells of file names and paths, which have no spaces to wrap at, get it. */
table.results .path { overflow-wrap: anywhere; }
.error { color: var(--accent); font-family: var(--sans); }
@media print {
  :root {
    color-scheme: light;
    --bg: #fff;
    --fg: #000;
    --muted: #000;
    --rule: #888;
    --link: #000;
    --accent: #000;
    --note: #fff;
  }
  body { font-size: 11pt; line-height: 1.45; }
  body > header, body > footer, header.site, footer.site, .skip, nav, .site-search { display: none; }
  body > main, body.wide > main { max-width: none; padding: 0; }
  body.wide .articles { display: block; }
  a { text-decoration: none; }
  .notice { border: 1px solid var(--rule); }
  .related a[href]::after { content: ' (' attr(href) ')'; font-size: 0.875em; overflow-wrap: anywhere; }
  h1, h2, h3, h4 { break-after: avoid; }
  blockquote, li { break-inside: avoid; }
  p { orphans: 3; widows: 3; }
}
/* Issue 15, figures and inline marks in an article's text (src/views/article-body.tsx): images at
   most the column's width, whatever size they were found at; captions quieter than the text. */
.body figure { margin: 1.5rem 0; }
.body figure img { display: block; max-width: 100%; height: auto; }
.body figcaption { margin-top: 0.375rem; font-family: var(--sans); font-size: 0.875rem; color: var(--muted); }
.body figcaption .credit { font-size: 0.8125rem; }
@media print { .body figure { break-inside: avoid; } }
`

/** CSP source for STYLES: `style-src` must list it. */
export const STYLE_HASH = "'sha256-NfqGp2jMk1m2DLusl3ywG5wojbrdCZ1Z+ST7Iq/ZCJw='"
