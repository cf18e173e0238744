import { Outputs } from '../core/names.js'
import { Redactor } from '../core/redactor.js'
import { HarnessClient, type WebhookAccepted } from '../harness/client.js'
import { waitForPipeline, type WaitResult } from '../core/wait.js'
import { renderSummary, type ReportView } from '../report/summary.js'
import { describeTarget } from '../core/describe.js'
import { abortExecution } from '../core/settle.js'
import { readInputs, type ActionSettings } from './inputs.js'
import { processRuntime } from './process-runtime.js'
import { pullRequestCommenter } from './comment-loader.js'
import type { ActionsCore, Runtime } from './runtime.js'
import { States, type PendingAbort } from './state.js'
import { failureText } from './words.js'

const CANCEL_REQUEST_TIMEOUT_MS = 4000

/** The main phase: settings → fire → (wait) → outputs, summary, exit status. */
export async function run(runtime: Runtime = mainRuntime()): Promise<void> {
  const { core } = runtime
  const redactor = new Redactor(secret => core.setSecret(secret))
  try {
    const settings = readInputs({
      getInput: name => core.getInput(name),
      env: runtime.env,
      readEventPayload: runtime.readEventPayload,
      redactor
    })
    core.info(describeTarget(settings))
    if (!settings.image.image) {
      core.notice(
        'No image found (inputs, build-outputs, docker/metadata-action): the body has no "image" key.'
      )
    }

    const client = new HarnessClient({
      endpoint: settings.endpoint,
      apiKey: settings.apiKey,
      redactor,
      log: line => core.info(line),
      sleep: ms => runtime.sleep(ms, new AbortController().signal),
      send: runtime.send,
      requestTimeoutMs: settings.requestTimeoutMs
    })
    const accepted = await client.fireWebhook(settings.webhookUrl, JSON.stringify(settings.body))
    writeAcceptedOutputs(core, accepted, redactor)
    core.info(redactor.redact(`Harness accepted the trigger: event ${accepted.eventCorrelationId}`))
    if (accepted.uiUrl) core.info(`Executions: ${redactor.redact(accepted.uiUrl)}`)

    // Un-awaited on purpose: a slow GitHub never holds up following the execution; the final
    // comment queues behind these in github.ts, so it always lands last.
    if (settings.wait) void commentProgress(runtime, redactor, { settings, accepted })
    const result = settings.wait
      ? await waitAndSettle(runtime, settings, client, accepted, redactor)
      : undefined

    await report(runtime, settings, accepted, result, redactor)
    if (result && result.outcome !== 'passed') core.setFailed(redactor.redact(result.message))
  } catch (error) {
    core.setFailed(redactor.redact(failureText(error)))
  }
}

async function waitAndSettle(
  runtime: Runtime,
  settings: ActionSettings,
  client: HarnessClient,
  accepted: WebhookAccepted,
  redactor: Redactor
): Promise<WaitResult> {
  const { core } = runtime
  const scope = settings.ids
  const result = await waitForPipeline(
    {
      endpoint: settings.endpoint,
      ids: settings.ids,
      eventId: accepted.eventCorrelationId,
      timeoutMs: settings.timeoutMs,
      pollIntervalMs: settings.pollIntervalMs,
      cancelSignal: runtime.cancelSignal,
      onExecutionStarted: started => {
        core.setOutput(Outputs.WebhookStatus, redactor.redact(started.webhookStatus))
        core.setOutput(Outputs.ExecutionId, redactor.redact(started.executionId))
        core.setOutput(Outputs.ExecutionUrl, redactor.redact(started.executionUrl))
        core.info(`Pipeline execution started: ${redactor.redact(started.executionUrl)}`)
        void commentProgress(runtime, redactor, { settings, accepted, started })
        // Should this process be killed before it sees the end, the post phase aborts it.
        if (settings.abortOnCancel) {
          const pending: PendingAbort = {
            gateway: settings.endpoint.gateway,
            accountId: scope.accountId,
            orgId: scope.orgId,
            projectId: scope.projectId,
            executionId: started.executionId
          }
          core.saveState(States.PendingAbort, JSON.stringify(pending))
        }
      }
    },
    {
      client,
      now: runtime.now,
      sleep: runtime.sleep,
      random: runtime.random,
      log: {
        info: line => core.info(redactor.redact(line)),
        notice: line => core.notice(redactor.redact(line)),
        warning: line => core.warning(redactor.redact(line)),
        debug: line => core.debug(redactor.redact(line))
      }
    }
  )

  if (result.webhookStatus)
    core.setOutput(Outputs.WebhookStatus, redactor.redact(result.webhookStatus))
  if (result.executionId) core.setOutput(Outputs.ExecutionId, redactor.redact(result.executionId))
  if (result.executionUrl)
    core.setOutput(Outputs.ExecutionUrl, redactor.redact(result.executionUrl))
  if (result.status) core.setOutput(Outputs.Status, redactor.redact(result.status))

  if (result.outcome === 'passed') core.info(redactor.redact(result.message))
  // The runner kills the process 10 s after SIGINT: what is left to say to Harness must be quick.
  const settleClient =
    result.outcome === 'cancelled'
      ? new HarnessClient({ ...client.options, requestTimeoutMs: CANCEL_REQUEST_TIMEOUT_MS })
      : client
  if (result.outcome === 'cancelled' && !result.executionId && settings.abortOnCancel) {
    // Cancelled before we saw the execution start: one look, so a just-started one is not left running.
    result.executionId = await executionStartedMeanwhile(settleClient, settings, accepted)
  }
  const shouldAbort =
    result.executionId &&
    ((result.outcome === 'cancelled' && settings.abortOnCancel) ||
      (result.outcome === 'timeout' && settings.abortOnTimeout))
  const aborted =
    shouldAbort && result.executionId
      ? await abortExecution(settleClient, scope, result.executionId, line =>
          core.info(redactor.redact(line))
        )
      : true
  if (aborted) {
    // The main phase has dealt with the execution: nothing left for post.
    core.saveState(States.PendingAbort, '')
  } else {
    core.warning(
      `Execution ${redactor.redact(result.executionId ?? '')} may still be running in Harness; the post step will try to abort it again.`
    )
  }
  return result
}

async function executionStartedMeanwhile(
  client: HarnessClient,
  settings: ActionSettings,
  accepted: WebhookAccepted
): Promise<string | undefined> {
  try {
    const details = await client.getEventDetails(
      settings.ids.accountId,
      accepted.eventCorrelationId
    )
    return details.pipelineExecutionId || undefined
  } catch {
    return undefined
  }
}

function writeAcceptedOutputs(
  core: ActionsCore,
  accepted: WebhookAccepted,
  redactor: Redactor
): void {
  core.setOutput(Outputs.EventCorrelationId, redactor.redact(accepted.eventCorrelationId))
  core.setOutput(Outputs.UiUrl, redactor.redact(accepted.uiUrl))
  core.setOutput(Outputs.ApiUrl, redactor.redact(accepted.apiUrl))
  core.setOutput(Outputs.UiSetupUrl, redactor.redact(accepted.uiSetupUrl))
}

async function report(
  runtime: Runtime,
  settings: ActionSettings,
  accepted: WebhookAccepted,
  result: WaitResult | undefined,
  redactor: Redactor
): Promise<void> {
  const { core } = runtime
  const view = { settings, accepted, result }
  if (settings.summary) {
    try {
      await core.summary.addRaw(redactor.redact(renderSummary(view)), true).write()
    } catch (error) {
      core.warning(redactor.redact(`Could not write the job summary: ${failureText(error)}`))
    }
  }
  await commentProgress(runtime, redactor, view)
}

/** Creates or updates this deployment's PR comment; never throws (github.ts warns instead). */
function commentProgress(
  runtime: Runtime,
  redactor: Redactor,
  view: ReportView & { settings: ActionSettings }
): Promise<void> {
  const { settings } = view
  if (!settings.commentOnPr || !runtime.commentOnPullRequest) return Promise.resolve()
  return runtime.commentOnPullRequest(settings, redactor.redact(renderSummary(view)))
}

function mainRuntime(): Runtime {
  const runtime = processRuntime()
  return { ...runtime, commentOnPullRequest: pullRequestCommenter(runtime.core) }
}
