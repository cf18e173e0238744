import { Redactor } from '../core/redactor.js'
import { findAndAbort, settlementLines } from '../core/settle.js'
import { HarnessClient } from '../harness/client.js'
import { readInputs, type ActionSettings } from './inputs.js'
import { processRuntime } from './process-runtime.js'
import type { Runtime } from './runtime.js'
import { ActionState, type Watched } from './state.js'
import { failureText } from './words.js'
import { actionLog } from './log-sinks.js'

const POST_LOOKS = 3

/**
 * The post phase: when the main phase was stopped (cancelled, killed) before it saw the
 * execution end, or could not abort it, abort it now: the one main saw start, or the one its
 * trigger event started since. It never sends the trigger. Its own failures are warnings.
 */
export async function run(runtime: Runtime = processRuntime()): Promise<void> {
  const { core } = runtime
  const redactor = new Redactor(secret => core.setSecret(secret))
  const log = actionLog(core, redactor)
  // The same settings code as main, first: every secret is registered before anything is said.
  let settings: ActionSettings | undefined
  let settingsProblem: unknown
  try {
    settings = readInputs({
      getInput: name => core.getInput(name),
      env: runtime.env,
      readEventPayload: runtime.readEventPayload,
      redactor
    })
  } catch (error) {
    settingsProblem = error
  }
  const warn = (text: string) => log.warning(text)

  const state = new ActionState(core, redactor).load()
  if (state.kind === 'nothing' || state.kind === 'done') return
  if (state.kind === 'unreadable') return warn(`Post step: ${state.problem}; nothing was aborted.`)
  if (!settings) {
    return warn(`Post step: could not read the settings (${failureText(settingsProblem)}).`)
  }
  if (!settings.abortOnCancel) return
  const mismatch = mismatchOf(state.watched, settings)
  if (mismatch) return warn(`Post step: the saved state names ${mismatch}; it is ignored.`)

  const what = state.executionId ? `execution ${state.executionId}` : 'the execution'
  log.info(`The main step did not see ${what} end: aborting it.`)
  const client = new HarnessClient({
    endpoint: settings.endpoint,
    apiKey: settings.apiKey,
    redactor,
    send: runtime.send
  })
  const target = {
    eventId: state.watched.eventId,
    scope: settings.ids,
    executionId: state.executionId
  }
  // The last chance to stop it: a second abort after passing trouble (5xx, 429, network), and up
  // to three looks (about 10 s at most) at an event Harness has not processed yet.
  const never = new AbortController().signal
  const outcome = await findAndAbort(target, client, {
    abortAttempts: 2,
    lookAttempts: POST_LOOKS,
    sleep: ms => runtime.sleep(ms, never)
  })
  for (const line of settlementLines(outcome)) log[line.level](line.text)
  if (!outcome.done) warn('The execution may still be running in Harness.')
}

/**
 * The key goes only where the settings send it: state naming another gateway or project is
 * not this run's (or was tampered with), and is not acted on.
 */
function mismatchOf(watched: Watched, settings: ActionSettings): string | undefined {
  if (watched.gateway !== settings.endpoint.gateway) return 'another Harness gateway'
  const { accountId, orgId, projectId } = settings.ids
  if (
    watched.accountId !== accountId ||
    watched.orgId !== orgId ||
    watched.projectId !== projectId
  ) {
    return 'another project'
  }
  return undefined
}
