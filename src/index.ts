import {
  debug,
  getInput,
  getState,
  info,
  notice,
  saveState,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from '@actions/core'
import { readFileSync } from 'node:fs'
import { setTimeout as delay } from 'node:timers/promises'
import { States } from './names.js'
import { runMain, type ActionsCore, type Runtime } from './main.js'
import { runPost } from './post.js'

// Named imports, not the namespace: the bundler then leaves out the parts we never call (the OIDC client and its HTTP stack).
const core: ActionsCore = {
  getInput,
  setSecret,
  setOutput,
  setFailed,
  saveState,
  getState,
  info,
  notice,
  warning,
  debug,
  summary
}

// One bundle serves both phases; the main phase leaves a state flag that only the post phase sees.
const cancellation = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    core.info(`Received ${signal}: the run is being cancelled.`)
    cancellation.abort()
  })
}

const runtime: Runtime = {
  core,
  env: process.env,
  readEventPayload,
  cancelSignal: cancellation.signal,
  now: () => Date.now(),
  sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
  random: Math.random,
  // Octokit is loaded only here: it costs start-up time that only PR comments need.
  commentOnPullRequest: async (settings, text) => {
    try {
      const { commentOnPullRequest } = await import('./github.js')
      await commentOnPullRequest(core, settings, text)
    } catch (error) {
      warning(
        `Could not comment on the pull request: ${error instanceof Error ? error.message : error}`
      )
    }
  }
}

const phase = core.getState(States.IsPost) === 'true' ? runPost : runMain
await phase(runtime)
// Nothing should keep the process alive now; if something does, don't let it hang the job.
setTimeout(() => process.exit(), 2000).unref()

function readEventPayload(): Record<string, unknown> | undefined {
  const path = process.env.GITHUB_EVENT_PATH
  if (!path) return undefined
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'))
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined
  } catch {
    core.debug('Could not read the event payload at GITHUB_EVENT_PATH.')
    return undefined
  }
}
