import { describeTarget } from '../core/describe.js'
import { fireTrigger } from '../core/fire.js'
import { harnessClientFor } from '../core/client.js'
import { Redactor } from '../core/redactor.js'
import { settle, settledResult, settlementLines, type Settlement } from '../core/settle.js'
import { waitForPipeline, type WaitResult } from '../core/wait.js'
import { HarnessClient, type WebhookAccepted } from '../harness/client.js'
import { pullRequestCommenter } from './comment-loader.js'
import { readInputs, type ActionSettings } from './inputs.js'
import { acceptedOutputs, waitOutputs, writeOutputs } from './outputs.js'
import { processRuntime } from './process-runtime.js'
import { commentProgress, report } from './report.js'
import type { Runtime } from './runtime.js'
import { ActionState } from './state.js'
import { failureText } from './words.js'
import { actionLog } from './log-sinks.js'
import type { Log } from '../core/log.js'

/** The main phase: inputs → settings → fire → outputs → wait → settle → report, exit status. */
export async function run(runtime: Runtime = mainRuntime()): Promise<void> {
  const { core, cancelSignal } = runtime
  const redactor = new Redactor(secret => core.setSecret(secret))
  const log = actionLog(core, redactor)
  const fail = (text: string) => log.fail(text)
  try {
    const settings = readInputs({
      getInput: name => core.getInput(name),
      env: runtime.env,
      readEventPayload: runtime.readEventPayload,
      redactor
    })
    announce(log, settings)
    const client = harnessClientFor(settings, { ...runtime, redactor, log })

    const fired = await fireTrigger(
      { webhookUrl: settings.webhookUrl, body: settings.body, cancelSignal },
      client
    )
    if (fired.outcome === 'not-sent') return fail(fired.message)
    if (fired.outcome === 'failed') return fail(failureText(fired.error))
    const { accepted } = fired
    // First of all, should this step die now: what the post step needs to find the execution.
    const state = new ActionState(core, redactor)
    if (settings.wait) saveWatched(log, state, settings, accepted)
    writeOutputs(core, redactor, acceptedOutputs(accepted))
    log.info(`Harness accepted the trigger: event ${accepted.eventCorrelationId}`)
    if (accepted.uiUrl) log.info(`Executions: ${accepted.uiUrl}`)

    if (!settings.wait) {
      await report(runtime, redactor, log, { settings, accepted })
      // A POST on the wire at the signal was not recalled; the run still ends as cancelled.
      if (cancelSignal.aborted) fail('Cancelled; the trigger had already been accepted.')
      return
    }
    const waited = await follow(runtime, settings, client, accepted, state, redactor, log)
    const request = { ...settings, result: waited, eventId: accepted.eventCorrelationId }
    const settlement = await settle(request, client)
    recordSettlement(log, state, settlement, settings)
    const result = settledResult(request, settlement)
    writeOutputs(core, redactor, waitOutputs(result))

    await report(runtime, redactor, log, { settings, accepted, result, settlement })
    if (result.outcome === 'passed') log.info(result.message)
    else fail(result.message)
  } catch (error) {
    fail(failureText(error))
  }
}

function announce(log: Log, settings: ActionSettings): void {
  log.info(describeTarget(settings))
  if (!settings.image.image) {
    log.notice(
      'No image found (inputs, build-outputs, docker/metadata-action): the body has no "image" key.'
    )
  }
}

/** Before the first read: should this step die now, the post step can find the execution. */
function saveWatched(
  log: Log,
  state: ActionState,
  settings: ActionSettings,
  accepted: WebhookAccepted
): void {
  const saved = state.saveWatched({
    gateway: settings.endpoint.gateway,
    ...settings.ids,
    eventId: accepted.eventCorrelationId
  })
  if (!saved) {
    log.warning(
      'The trigger event id is not a plain id: it is not saved, so the post step could not abort its execution.'
    )
  }
}

function follow(
  runtime: Runtime,
  settings: ActionSettings,
  client: HarnessClient,
  accepted: WebhookAccepted,
  state: ActionState,
  redactor: Redactor,
  log: Log
): Promise<WaitResult> {
  // Un-awaited on purpose: a slow GitHub never holds up following the execution; the final
  // comment queues behind these, so it always lands last.
  void commentProgress(runtime, redactor, log, { settings, accepted })
  return waitForPipeline(
    {
      endpoint: settings.endpoint,
      ids: settings.ids,
      eventId: accepted.eventCorrelationId,
      timeoutMs: settings.timeoutMs,
      pollIntervalMs: settings.pollIntervalMs,
      cancelSignal: runtime.cancelSignal,
      onExecutionStarted: started => {
        state.saveExecutionId(started.executionId)
        log.info(`Pipeline execution started: ${started.executionUrl}`)
        void commentProgress(runtime, redactor, log, { settings, accepted, started })
      }
    },
    {
      client,
      now: runtime.now,
      sleep: runtime.sleep,
      random: runtime.random,
      log
    }
  )
}

/** Tells the log what the settlement did, and the post step whether anything is left to it. */
function recordSettlement(
  log: Log,
  state: ActionState,
  settlement: Settlement,
  settings: ActionSettings
): void {
  for (const line of settlementLines(settlement)) log[line.level](line.text)
  if (settlement.done) return state.markDone()
  if (settlement.executionId) state.saveExecutionId(settlement.executionId)
  if (settings.abortOnCancel)
    log.info('The post step will look for the execution again and abort it.')
}

function mainRuntime(): Runtime {
  const runtime = processRuntime()
  return { ...runtime, commentOnPullRequest: pullRequestCommenter() }
}
