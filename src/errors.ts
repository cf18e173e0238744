/** A missing or malformed input: the step fails before any request is sent. */
export class InputError extends Error {
  readonly input: string

  constructor(input: string, problem: string) {
    super(`Input '${input}': ${problem}`)
    this.name = 'InputError'
    this.input = input
  }
}
