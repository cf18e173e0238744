// Declarations of index.js for TypeScript tests (the main tsconfig reads no JavaScript).
// The Harness types live in types.d.ts; `npx tsc -p emulator` checks the .js files against them
// and, through declarations.check.ts, checks this file against the .js exports.
import type { Emulator, EmulatorOptions, HarnessErrorBody, WorldOptions } from './types.js'

export type * from './types.js'

/** Starts the emulator on 127.0.0.1 (any free port unless `options.port`). */
export declare function startEmulator(options?: EmulatorOptions): Promise<Emulator>

/** An ErrorDTO body, e.g. for a fault: `{ status: 500, body: harnessErrorBody('UNKNOWN_ERROR', '…') }`. */
export declare function harnessErrorBody(code: string, message: string): HarnessErrorBody

/** A fresh copy of the default world's options. */
export declare function defaultWorldOptions(): WorldOptions

export declare const DEFAULT_ACCOUNT_ID: string
/** all permissions */
export declare const DEFAULT_API_KEY: string
/** view only: the webhook answers 403 */
export declare const DEFAULT_VIEW_ONLY_KEY: string
/** token of the default v3 trigger */
export declare const DEFAULT_WEBHOOK_TOKEN: string
export declare const DEFAULT_IDS: Readonly<{
  orgId: string
  projectId: string
  /** the v3 trigger's pipeline and trigger */
  pipelineId: string
  triggerId: string
  /** the old (v2) trigger's pipeline and trigger */
  legacyPipelineId: string
  legacyTriggerId: string
}>

/** The runner's side of a step (runner.js). */
export interface GitHubEvent {
  name: string
  payload: Record<string, unknown>
}
export interface RunnerFiles {
  output: string
  state: string
  env: string
  path: string
  summary: string
}
export interface StepFiles {
  outputs: Record<string, string>
  state: Record<string, string>
  env: Record<string, string>
  path: string[]
  summary: string
}

/** what `${{ github.token }}` becomes */
export declare const FAKE_GITHUB_TOKEN: string
export declare const RUNNER_CONTEXT: Readonly<{
  repository: string
  sha: string
  ref: string
  refName: string
  runId: string
  runNumber: string
  runAttempt: string
  serverUrl: string
  actor: string
  workflow: string
  job: string
}>
/** `INPUT_` + upper-cased name, spaces to `_`, hyphens kept */
export declare function inputVariable(name: string): string
/** `name=value` lines and `name<<DELIMITER` blocks */
export declare function parseCommandFile(text: string): Record<string, string>
/** the `default` of every input of an action.yml */
export declare function readActionDefaults(text: string): Record<string, string>
export declare function pushEvent(): GitHubEvent
export declare function pullRequestEvent(number: number): GitHubEvent
/**
 * One step's environment in `tempDir`: command files, event file, runner context, action.yml's
 * input defaults, then `inputs` (undefined removes one), `state` as STATE_*, then `env`
 * (undefined removes a variable). Only PATH and HOME come from this process.
 */
export declare function prepareStep(options: {
  actionYml: string
  tempDir: string
  inputs?: Record<string, string | undefined>
  env?: Record<string, string | undefined>
  state?: Record<string, string>
  event?: GitHubEvent
}): { env: Record<string, string>; files: RunnerFiles; inputs: Record<string, string> }
export declare function readStepFiles(files: RunnerFiles): StepFiles
