/** The seeded pages the suites visit, with the headings they must show. */
export const SEED = {
  path: '/articles/pakistan-islamabad-wont-tolerate-us-boots-on-the-ground',
  headline: 'Islamabad won’t tolerate U.S. boots on the ground',
}

/** The JSON fixture with two authors, so its byline has two links side by side. */
export const TWO_AUTHORS = {
  path: '/articles/pakistan-aid-to-islamabad-tied-to-action-against-haqqani-network',
  headline: 'Aid to Islamabad tied to action against Haqqani network',
}
