import type { Log } from '../core/log.js'
import type { ActionSettings } from './inputs.js'
import { messageOf } from '../harness/plain.js'

/**
 * Creates or updates the PR comment. Octokit is loaded only here, on the first comment: it costs
 * start-up time that only PR comments need. Never throws. `final`: the deployment has ended, so
 * what is left of the comment calls runs on a short shared budget (github/pr-comment.ts).
 */
export function pullRequestCommenter(): (
  settings: ActionSettings,
  text: string,
  options: { log: Pick<Log, 'info' | 'notice' | 'warning'>; final: boolean }
) => Promise<void> {
  return async (settings, text, { log, final }) => {
    try {
      const { commentOnPullRequest } = await import('../github/pr-comment.js')
      await commentOnPullRequest(log, settings, text, { final })
    } catch (error) {
      log.warning(`Could not comment on the pull request: ${messageOf(error)}`)
    }
  }
}
