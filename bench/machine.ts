import { readFileSync } from 'node:fs'
import { cpus, release, totalmem } from 'node:os'
import { resolve } from 'node:path'

export interface Machine {
  cpu: string
  cores: number
  memoryGiB: number
  node: string
  os: string
  miniflare: string
  wrangler: string
}

const versionOf = (root: string, pkg: string): string =>
  (
    JSON.parse(readFileSync(resolve(root, 'node_modules', pkg, 'package.json'), 'utf8')) as {
      version: string
    }
  ).version

export function describeMachine(root: string): Machine {
  const list = cpus()
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${process.platform} ${release()}`,
    miniflare: versionOf(root, 'miniflare'),
    wrangler: versionOf(root, 'wrangler'),
  }
}

export const machineLine = (m: Machine) =>
  `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB · Node ${m.node} · ${m.os} · ` +
  `miniflare ${m.miniflare} (workerd) · wrangler ${m.wrangler}`
