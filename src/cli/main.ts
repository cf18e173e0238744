import { harnessClientFor } from '../core/client.js'
import { describeTarget } from '../core/describe.js'
import { fireTrigger } from '../core/fire.js'
import { Outputs } from '../core/names.js'
import { Redactor } from '../core/redactor.js'
import { readSettings, type Settings, type SettingsSources } from '../core/settings.js'
import { settle, settledResult, settlementLines } from '../core/settle.js'
import { waitForPipeline, type WaitResult } from '../core/wait.js'
import { HarnessClient, type WebhookAccepted } from '../harness/client.js'
import type { HttpRequest, HttpResponse } from '../harness/http/request.js'
import { SettingError } from '../harness/setting-error.js'
import { detectCi, type GitLookup } from './ci.js'
import { stderrLog, type CliLog } from './log.js'
import {
  describeSettingError,
  helpText,
  readCliOptions,
  UsageError,
  type CliOptions
} from './options.js'
import { OutputSink, type OutputValues } from './outputs.js'
import { VERSION } from './version.js'
import { messageOf } from '../harness/plain.js'

export const ExitCode = {
  Ok: 0,
  Failed: 1,
  InputError: 2,
  TimedOut: 3,
  SIGINT: 130,
  SIGTERM: 143
} as const

/** What a run needs of the world: the process's streams, environment and signals, time, the wire. */
export interface CliWorld {
  env: Record<string, string | undefined>
  stdout(text: string): void
  stderr(text: string): void
  writeFile(path: string, text: string): void
  /** Git in the working directory, for a run outside any CI */
  git: GitLookup
  /** aborted on SIGINT/SIGTERM */
  cancelSignal: AbortSignal
  /** the signal that cancelled the run, once one has */
  cancelledBy(): 'SIGINT' | 'SIGTERM' | undefined
  now(): number
  /** resolves after ms, or early (without throwing) when signal aborts */
  sleep(ms: number, signal: AbortSignal): Promise<void>
  random(): number
  send?: (request: HttpRequest) => Promise<HttpResponse>
}

/** One run: options → settings → fire → outputs → wait → settle → report. Returns the exit code. */
export async function run(argv: readonly string[], world: CliWorld): Promise<number> {
  const redactor = new Redactor()
  const log = stderrLog(world.stderr, redactor)
  let outputs: OutputSink | undefined
  let code: number
  try {
    const options = readCliOptions(argv, world.env)
    if (options.help || options.version) {
      world.stdout(options.help ? helpText(VERSION) : `${VERSION}\n`)
      return ExitCode.Ok
    }
    outputs = outputSink(options, world, redactor, log)
    options.warnings.forEach(log.warning)
    const settings = readSettings(settingSources(options, world, redactor))
    announce(settings, log)
    const client = harnessClientFor(settings, { ...world, redactor, log })

    const { cancelSignal } = world
    const fired = await fireTrigger({ ...settings, cancelSignal }, client)
    if (fired.outcome === 'accepted') {
      outputs.add(acceptedOutputs(fired.accepted))
      log.info(`Harness accepted the trigger: event ${fired.accepted.eventCorrelationId}`)
      // A POST on the wire at the signal was not recalled; the run still ends as cancelled.
      code = settings.wait
        ? await followToTheEnd(settings, client, fired.accepted, world, log, outputs)
        : (cancelledCode(world) ?? ExitCode.Ok)
    } else {
      log.fail(fired.message)
      code = cancelledCode(world) ?? ExitCode.Failed
    }
  } catch (error) {
    log.fail(failureText(error))
    code = exitCodeOfFailure(error, world)
  }
  const written = outputs?.finish() ?? true
  return written || code !== ExitCode.Ok ? code : ExitCode.Failed
}

/** wait → settle (the abort policy) → the outputs and the last line; the exit code. */
async function followToTheEnd(
  settings: Settings,
  client: HarnessClient,
  accepted: WebhookAccepted,
  world: CliWorld,
  log: CliLog,
  outputs: OutputSink
): Promise<number> {
  const eventId = accepted.eventCorrelationId
  const waited = await waitForPipeline(
    {
      ...settings,
      eventId,
      cancelSignal: world.cancelSignal,
      onExecutionStarted: started => {
        outputs.add(started)
        log.info(`Pipeline execution started: ${started.executionUrl}`)
      }
    },
    { client, now: world.now, sleep: world.sleep, random: world.random, log }
  )
  const request = { ...settings, result: waited, eventId }
  const settlement = await settle(request, client)
  for (const line of settlementLines(settlement)) log[line.level](line.text)
  // No post step follows the command line: what was not aborted here stays running.
  if (!settlement.done && settlement.abortReason) {
    log.warning('Nothing will try to abort the execution again: check it in Harness.')
  }
  const result = settledResult(request, settlement)
  outputs.add(resultOutputs(result))
  log[result.outcome === 'passed' ? 'info' : 'fail'](result.message)
  return exitCodeOf(result, world)
}

function outputSink(
  options: CliOptions,
  world: CliWorld,
  redactor: Redactor,
  log: CliLog
): OutputSink {
  return new OutputSink(options.format, options.outputFile, {
    stdout: world.stdout,
    writeFile: world.writeFile,
    redact: text => redactor.redact(text),
    warning: log.warning,
    error: log.error
  })
}

function announce(settings: Settings, log: CliLog): void {
  log.info(describeTarget(settings))
  if (!settings.image.image) {
    log.notice('No image found (--image, --build-outputs): the body has no "image" key.')
  }
}

function settingSources(options: CliOptions, world: CliWorld, redactor: Redactor): SettingsSources {
  const ci = detectCi(world.env, world.git)
  return {
    value: options.value,
    env: world.env,
    context: options.ciContext ? { key: 'ci', value: ci, branch: ci.branch } : undefined,
    // The tag defaults to the commit, with or without the ci object.
    sha: ci.sha,
    redactor
  }
}

function acceptedOutputs(accepted: WebhookAccepted): OutputValues {
  return {
    [Outputs.EventCorrelationId]: accepted.eventCorrelationId,
    [Outputs.UiUrl]: accepted.uiUrl,
    [Outputs.ApiUrl]: accepted.apiUrl,
    [Outputs.UiSetupUrl]: accepted.uiSetupUrl
  }
}

function resultOutputs(result: WaitResult): OutputValues {
  return {
    [Outputs.WebhookStatus]: result.webhookStatus,
    [Outputs.ExecutionId]: result.executionId,
    [Outputs.ExecutionUrl]: result.executionUrl,
    [Outputs.Status]: result.status
  }
}

function exitCodeOf(result: WaitResult, world: CliWorld): number {
  const cancelled = cancelledCode(world)
  if (result.outcome === 'cancelled' || cancelled !== undefined) {
    return cancelled ?? ExitCode.SIGINT
  }
  if (result.outcome === 'passed') return ExitCode.Ok
  return result.outcome === 'timeout' ? ExitCode.TimedOut : ExitCode.Failed
}

function exitCodeOfFailure(error: unknown, world: CliWorld): number {
  if (error instanceof SettingError || error instanceof UsageError) return ExitCode.InputError
  return cancelledCode(world) ?? ExitCode.Failed
}

function cancelledCode(world: CliWorld): number | undefined {
  const signal = world.cancelledBy()
  return signal === undefined ? undefined : ExitCode[signal]
}

function failureText(error: unknown): string {
  if (error instanceof SettingError) return describeSettingError(error)
  return messageOf(error)
}
