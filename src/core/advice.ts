import type { KnownAnswer } from '../harness/known-answers.js'
import { Setting, type SettingName } from './names.js'

/** How a front end names a setting in its text (the action: input 'payload'; the CLI: --payload). */
export type SettingLabel = (setting: SettingName) => string

const quoted: SettingLabel = setting => `'${setting}'`

/** What to do about a Harness answer whose meaning is known (harness/known-answers.ts). */
export function adviceFor(known: KnownAnswer, label: SettingLabel = quoted): string {
  switch (known.kind) {
    case 'webhook-url-retired':
      return (
        'This trigger was created after Harness introduced v3 webhook URLs and accepts only its v3 ' +
        `URL: set ${label(Setting.WebhookToken)} to the trigger's custom webhook token, or set ` +
        `${label(Setting.WebhookUrl)} to the URL Harness shows under the trigger's "Copy Webhook ` +
        'URL" (…/webhook/custom/<token>/v3?…).'
      )
    case 'branch-unresolved':
      return (
        'The pipeline is stored in Git, and for a custom webhook Harness takes its branch only from ' +
        `the body's top-level "branch" key, which this body lacked (it comes from the CI context on ` +
        `branch and pull request builds, not on tag builds): set it with ${label(Setting.Payload)}, ` +
        'e.g. {"branch": "main"}.'
      )
    case 'abort-denied':
      return known.permission === 'core_pipeline_abort'
        ? 'This account requires the Abort permission on pipelines (core_pipeline_abort) to abort ' +
            "an execution: grant it to the API key's role."
        : 'Aborting needs the Execute permission on the pipeline (core_pipeline_execute): grant it ' +
            "to the API key's role."
  }
}
