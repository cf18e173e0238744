// The Node runtimes the bench measures: the one running the bench (the machine's `node`, Node 20
// here) and Node 24 from scripts/node24.sh (what GitHub runs the action with). A runtime that
// cannot be had (no network for the first fetch of Node 24) is reported, not fatal.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const NODE24_SCRIPT = fileURLToPath(new URL('../node24.sh', import.meta.url))

/**
 * @typedef {{ label: string, node: string, version: string }} Runtime
 * @typedef {{ label: string, error: string }} MissingRuntime
 */

/** @param {string} node @returns {string} */
function versionOf(node) {
  return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
}

/**
 * @param {string} choice `all` (default: this Node and Node 24), `current`, or `24`
 * @returns {(Runtime | MissingRuntime)[]}
 */
export function findRuntimes(choice) {
  /** @type {(Runtime | MissingRuntime)[]} */
  const found = []
  const current = { node: process.execPath, version: process.version }
  const currentMajor = process.version.slice(1).split('.')[0]
  if (choice === 'all' || choice === 'current') {
    found.push({ label: `Node ${currentMajor}`, ...current })
  }
  if ((choice === 'all' && currentMajor !== '24') || choice === '24') {
    if (currentMajor === '24') found.push({ label: 'Node 24', ...current })
    else {
      try {
        const node = execFileSync(NODE24_SCRIPT, { encoding: 'utf8' }).trim()
        found.push({ label: 'Node 24', node, version: versionOf(node) })
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
        found.push({ label: 'Node 24', error: `scripts/node24.sh failed: ${message}` })
      }
    }
  }
  return found
}
