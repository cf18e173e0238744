import type { ActionsCore } from './main.js'
import type { Settings } from './settings.js'

/** Create or update this deployment's PR comment (issue: PR comments). */
export async function commentOnPullRequest(
  core: Pick<ActionsCore, 'warning'>,
  settings: Settings,
  text: string
): Promise<void> {
  void settings
  void text
  core.warning('comment-on-pr is not available in this build yet; no comment was posted.')
}
