import type { Log } from '../core/log.js'
import type { Redactor } from '../core/redactor.js'
import { renderSummary, type ReportView } from '../report/summary.js'
import type { ActionSettings } from './inputs.js'
import type { Runtime } from './runtime.js'
import { failureText } from './words.js'

export type ActionView = ReportView & { settings: ActionSettings }

/** The job summary and the final PR comment; problems with either are warnings. */
export async function report(
  runtime: Runtime,
  redactor: Redactor,
  log: Log,
  view: ActionView
): Promise<void> {
  const { core } = runtime
  if (view.settings.summary) {
    try {
      await core.summary.addRaw(redactor.redact(renderSummary(view)), true).write()
    } catch (error) {
      log.warning(`Could not write the job summary: ${failureText(error)}`)
    }
  }
  await commentProgress(runtime, redactor, log, view, { final: true })
}

/** Creates or updates this deployment's PR comment; never throws (the commenter warns instead). */
export function commentProgress(
  runtime: Runtime,
  redactor: Redactor,
  log: Log,
  view: ActionView,
  { final = false } = {}
): Promise<void> {
  if (!view.settings.commentOnPr || !runtime.commentOnPullRequest) return Promise.resolve()
  return runtime.commentOnPullRequest(view.settings, redactor.redact(renderSummary(view)), {
    log,
    final
  })
}
