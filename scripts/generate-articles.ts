/**
 * `npx tsx scripts/generate-articles.ts <folder> [--count 1000]`: writes synthetic archive-text
 * posts (title with kicker, dateline, paragraphs, related headlines, byline), deterministic by
 * index, for load tests, CLI checks and benchmarks.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const PLACES = [
  'BAGHDAD',
  'CAIRO',
  'ISLAMABAD, PAKISTAN',
  'BEIRUT',
  'KABUL',
  'TEHRAN',
  'MEXICO CITY',
]
const KICKERS = ['IRAQ', 'EGYPT', 'PAKISTAN', 'LEBANON', 'AFGHANISTAN', 'IRAN', 'MEXICO']
const NAMES = [
  'Alex Rodriguez',
  'Ned Parker',
  'Borzou Daragahi',
  'Shelby Grad',
  'Ana Ruiz',
  'Jane Doe',
]
const WORDS =
  'officials said the ministry warned council leaders agreed on a plan to rebuild roads schools and clinics after weeks of talks in the capital while residents waited for water and power'.split(
    ' ',
  )

/** One post; `i` picks every choice, so the same index always gives the same text. */
export function syntheticPost(i: number): string {
  const pick = <T>(list: T[], salt: number) => list[(i * 7 + salt) % list.length]!
  const sentence = (n: number) => {
    const words = Array.from(
      { length: 14 + ((i + n) % 9) },
      (_, k) => WORDS[(i * 31 + n * 17 + k * 5) % WORDS.length]!,
    )
    const text = words.join(' ')
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`
  }
  const paragraphs = Array.from(
    { length: 6 + (i % 7) },
    (_, p) => `${sentence(p * 3)} ${sentence(p * 3 + 1)} ${sentence(p * 3 + 2)}`,
  )
  const authors = i % 5 === 0 ? `${pick(NAMES, 1)} and ${pick(NAMES, 2)}` : pick(NAMES, 1)
  return [
    `${pick(KICKERS, 0)}: Generated dispatch number ${i} on reconstruction talks`,
    '',
    `REPORTING FROM ${pick(PLACES, 0)} -- ${paragraphs[0]}`,
    ...paragraphs.slice(1).flatMap((p) => ['', p]),
    '',
    `Earlier dispatch ${i + 1} about the talks in the capital`,
    '',
    `-- ${authors}`,
    '',
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { count: { type: 'string', default: '1000' } },
  })
  const folder = positionals[0]
  if (!folder) {
    console.error('usage: npx tsx scripts/generate-articles.ts <folder> [--count N]')
    process.exit(2)
  }
  mkdirSync(folder, { recursive: true })
  const count = Number(values.count)
  for (let i = 1; i <= count; i++) {
    writeFileSync(join(folder, `${String(i).padStart(5, '0')}.txt`), syntheticPost(i))
  }
  console.log(`wrote ${count} posts to ${folder}`)
}
