import type { HttpRequest, HttpResponse } from '../harness/http/request.js'
import type { ActionSettings } from './inputs.js'

/** The parts of `@actions/core` the action uses; passed in so tests can watch them. */
export interface ActionsCore {
  getInput(name: string): string
  setSecret(secret: string): void
  setOutput(name: string, value: string): void
  setFailed(message: string): void
  saveState(name: string, value: string): void
  getState(name: string): string
  info(message: string): void
  notice(message: string): void
  warning(message: string): void
  debug(message: string): void
  summary: { addRaw(text: string, addEOL?: boolean): { write(): Promise<unknown> } }
}

/** What a phase needs of the world: the toolkit, the process, time, and the wire. */
export interface Runtime {
  core: ActionsCore
  env: Record<string, string | undefined>
  readEventPayload(): Record<string, unknown> | undefined
  /** aborted on SIGINT/SIGTERM */
  cancelSignal: AbortSignal
  now(): number
  sleep(ms: number, signal: AbortSignal): Promise<void>
  random(): number
  send?: (request: HttpRequest) => Promise<HttpResponse>
  /** loaded lazily: Octokit costs start-up time that only PR comments need */
  commentOnPullRequest?: (settings: ActionSettings, text: string) => Promise<void>
}
