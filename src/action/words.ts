import { SettingError } from '../harness/setting-error.js'

/** An error as the action's log words it: a bad setting is named as the input it came from. */
export function failureText(error: unknown): string {
  if (error instanceof SettingError) return `Input '${error.setting}': ${error.problem}`
  return error instanceof Error ? error.message : String(error)
}
