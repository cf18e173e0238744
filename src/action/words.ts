import { SettingError } from '../harness/setting-error.js'
import { HarnessApiError } from '../harness/client.js'
import { adviceFor } from '../core/advice.js'
import { messageOf } from '../harness/plain.js'

/** An error as the action's log words it: a bad setting is named as the input it came from. */
export function failureText(error: unknown): string {
  if (error instanceof SettingError) return `Input '${error.setting}': ${error.problem}`
  if (error instanceof HarnessApiError && error.known) {
    const advice = adviceFor(error.known, setting => `input '${setting}'`)
    return `${error.message.replace(/[.\s]+$/, '')}. ${advice}`
  }
  return messageOf(error)
}
