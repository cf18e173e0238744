import { warning } from '@actions/core'
import type { ActionSettings } from './inputs.js'
import type { ActionsCore } from './runtime.js'

/**
 * Creates or updates the PR comment. Octokit is loaded only here, on the first comment: it costs
 * start-up time that only PR comments need. Never throws.
 */
export function pullRequestCommenter(
  core: Pick<ActionsCore, 'info' | 'notice' | 'warning'>
): (settings: ActionSettings, text: string) => Promise<void> {
  return async (settings, text) => {
    try {
      const { commentOnPullRequest } = await import('../github/pr-comment.js')
      await commentOnPullRequest(core, settings, text)
    } catch (error) {
      warning(
        `Could not comment on the pull request: ${error instanceof Error ? error.message : error}`
      )
    }
  }
}
