// `npx tsc -p emulator` fails here when server.d.ts stops describing harness-emulator.js.
import type * as Declared from './server.js'
import * as implementation from './harness-emulator.js'

export const declarationsMatch: typeof Declared = implementation
