// Declarations of server.js for TypeScript tests (the main tsconfig does not read JavaScript).
// The types live in types.d.ts; server.js implements them (checked by `npx tsc -p emulator`).
import type { Emulator, EmulatorOptions, HarnessErrorBody, WorldOptions } from './types.js'

export type * from './types.js'

/** Starts the emulator on 127.0.0.1 (any free port unless `options.port`). */
export declare function startEmulator(options?: EmulatorOptions): Promise<Emulator>

/** An ErrorDTO body, e.g. for a fault: `{ status: 500, body: harnessErrorBody('UNKNOWN_ERROR', '…') }`. */
export declare function harnessErrorBody(code: string, message: string): HarnessErrorBody

/** a fresh copy of the default world's options */
export declare function defaultWorldOptions(): WorldOptions

export declare const DEFAULT_ACCOUNT_ID: string
export declare const DEFAULT_API_KEY: string
export declare const DEFAULT_VIEW_ONLY_KEY: string
export declare const DEFAULT_WEBHOOK_TOKEN: string
export declare const DEFAULT_IDS: Readonly<{
  orgId: string
  projectId: string
  pipelineId: string
  triggerId: string
  legacyPipelineId: string
  legacyTriggerId: string
}>
