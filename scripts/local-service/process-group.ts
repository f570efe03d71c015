import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'

/** A child in its own process group, so stopping it also stops whatever it started (workerd). */
export function spawnGroup(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; output: (chunk: Buffer) => void },
): ChildProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  child.stdout?.on('data', options.output)
  child.stderr?.on('data', options.output)
  return child
}

export const exitCode = async (child: ChildProcess): Promise<number | null> =>
  child.exitCode ?? (child.signalCode ? null : (await once(child, 'exit'))[0])

/** SIGTERM to the whole group, SIGKILL after 5 s; resolves when no process of it is left. */
export async function stopGroup(child: ChildProcess): Promise<void> {
  signalGroup(child, 'SIGTERM')
  const deadline = Date.now() + 5_000
  while (groupAlive(child)) {
    if (Date.now() > deadline) signalGroup(child, 'SIGKILL')
    await new Promise((r) => setTimeout(r, 100))
  }
}

export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal)
  } catch {
    // the group is already gone
  }
}

function groupAlive(child: ChildProcess): boolean {
  try {
    if (child.pid === undefined) return false
    process.kill(-child.pid, 0)
    return true
  } catch {
    return false
  }
}
