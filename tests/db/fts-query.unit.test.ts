import { expect, it } from 'vitest'
import { toFtsQuery } from '../../src/db/fts-query'

it.each([
  ['haqqani isi', '"haqqani" AND "isi"'],
  ['"categoric no" pakistan', '"categoric no" AND "pakistan"'],
  ['haqqani OR taliban', '("haqqani" OR "taliban")'],
  ['a OR b OR c', '("a" OR "b" OR "c")'],
  ['a b OR c -d', '("a" AND ("b" OR "c")) NOT ("d")'],
  ['haqqani -"border raid" -isi', '("haqqani") NOT ("border raid" OR "isi")'],
  ['full-text', '"full" AND "text"'],
  ['a or b', '"a" AND "or" AND "b"'],
  ['OR a', '"a" AND "OR"'],
  ['NEAR(a b) title:x *', '"NEAR" AND "a" AND "b" AND "title" AND "x"'],
  ['-isi', null],
  ['*', null],
])('%j → %j', (input, query) => {
  expect(toFtsQuery(input)).toBe(query)
})
