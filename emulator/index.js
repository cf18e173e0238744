// The emulator's public entry: the Harness side (server.js) and the runner's side (runner.js).
// index.d.ts declares it for TypeScript; declarations.check.ts keeps that declaration true.
export {
  startEmulator,
  harnessErrorBody,
  defaultWorldOptions,
  DEFAULT_ACCOUNT_ID,
  DEFAULT_API_KEY,
  DEFAULT_IDS,
  DEFAULT_VIEW_ONLY_KEY,
  DEFAULT_WEBHOOK_TOKEN
} from './server.js'
export {
  FAKE_GITHUB_TOKEN,
  RUNNER_CONTEXT,
  inputVariable,
  parseCommandFile,
  prepareStep,
  pullRequestEvent,
  pushEvent,
  readActionDefaults,
  readStepFiles
} from './runner.js'
