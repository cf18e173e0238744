/**
 * A missing or malformed setting, found before any request is sent. It carries the setting's name
 * (`project-id`, `webhook-url`, …: the action's input and the CLI's option share these names) and
 * the problem; each front end words it in its own terms ("Input 'project-id'", "--project-id").
 */
export class SettingError extends Error {
  readonly setting: string
  readonly problem: string

  constructor(setting: string, problem: string) {
    super(`'${setting}': ${problem}`)
    this.name = 'SettingError'
    this.setting = setting
    this.problem = problem
  }
}
