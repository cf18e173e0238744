// The emulator's public entry; server.d.ts declares it for TypeScript (and
// declarations.check.ts keeps that declaration true to harness-emulator.js).
export {
  startEmulator,
  harnessErrorBody,
  defaultWorldOptions,
  DEFAULT_ACCOUNT_ID,
  DEFAULT_API_KEY,
  DEFAULT_IDS,
  DEFAULT_VIEW_ONLY_KEY,
  DEFAULT_WEBHOOK_TOKEN
} from './harness-emulator.js'
