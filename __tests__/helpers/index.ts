/** Helpers of the integration tests: run the bundled action like the runner, against the emulator. */
export * from './fixtures.js'
export * from './run-action.js'
export * from './secrets.js'
export { startEmulator, harnessErrorBody } from '../../emulator/index.js'
export type * from '../../emulator/index.js'
