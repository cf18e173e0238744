// `npx tsc -p emulator` fails here when index.d.ts stops describing what index.js exports.
import type * as Declared from './index.js'
import * as server from './server.js'
import * as runner from './runner.js'

export const declarationsMatch: typeof Declared = { ...server, ...runner }
