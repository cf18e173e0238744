import { createRequire } from 'node:module'
import type { GitLookup } from './ci.js'

/** Long enough for a cold repository, short enough that a hung Git never holds up the trigger. */
const GIT_TIMEOUT_MS = 2000

/** `git ARGS` in `cwd`; undefined when Git is missing, fails, or takes too long. */
export function gitIn(cwd: string): GitLookup {
  return args => {
    try {
      // Loaded on the first call: only a run outside every CI asks Git. Its first load shows as
      // 3.5–4 ms in the bench's probe, though in paired runs the saving is within the noise (much
      // of it is modules HTTP loads anyway).
      const { execFileSync } = createRequire(import.meta.url)(
        'node:child_process'
      ) as typeof import('node:child_process')
      const out = execFileSync('git', args, {
        cwd,
        encoding: 'utf8',
        timeout: GIT_TIMEOUT_MS,
        stdio: ['ignore', 'pipe', 'ignore'],
        // No pager, no prompt for credentials, whatever the user's config says.
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' }
      })
      return out.trim() || undefined
    } catch {
      return undefined
    }
  }
}
