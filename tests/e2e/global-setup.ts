import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
import { launchBrowserServer } from './browser'
import { RESULTS_DIR } from './context'
import { seed } from './seed'
import { startService } from '../../scripts/local-service/service'

/**
 * Starts the service (fresh state, seeded through the API) and one Chromium side by side, hands
 * both to the test files, and stops both afterwards.
 */
export default async function setup(project: TestProject) {
  const results = resolve(project.config.root, RESULTS_DIR)
  mkdirSync(results, { recursive: true })
  const started = Date.now()
  const [service, browser] = await Promise.allSettled([
    startService({ logFile: resolve(results, 'server.log') }),
    launchBrowserServer(),
  ])
  const teardown = async () => {
    await Promise.all([
      service.status === 'fulfilled' && service.value.stop(),
      browser.status === 'fulfilled' && browser.value.close(),
    ])
  }
  if (service.status === 'rejected' || browser.status === 'rejected') {
    await teardown()
    throw service.status === 'rejected' ? service.reason : (browser as PromiseRejectedResult).reason
  }
  try {
    await seed(service.value.origin, service.value.token)
  } catch (error) {
    await teardown()
    throw error
  }
  console.log(
    `e2e: service ${service.value.origin} and Chromium ready in ${Date.now() - started} ms`,
  )
  project.provide('e2e', {
    origin: service.value.origin,
    token: service.value.token,
    wsEndpoint: browser.value.wsEndpoint(),
  })
  return teardown
}
