import { Outputs } from '../core/names.js'
import { Redactor } from '../core/redactor.js'
import { describeTarget } from '../core/describe.js'
import { readSettings, type SettingsSources } from '../core/settings.js'
import type { WaitResult } from '../core/wait.js'
import type { WebhookAccepted } from '../harness/client.js'
import { SettingError } from '../harness/setting-error.js'
import { detectCi, type GitLookup } from './ci.js'
import { stderrLog } from './log.js'
import {
  describeSettingError,
  helpText,
  readCliOptions,
  UsageError,
  type CliOptions
} from './options.js'
import { OutputSink, type OutputValues } from './outputs.js'
import {
  fireTrigger,
  followPipeline,
  harnessClient,
  settle,
  type Settled,
  type StepWorld
} from './steps.js'
import { VERSION } from './version.js'

export const ExitCode = {
  Ok: 0,
  Failed: 1,
  InputError: 2,
  TimedOut: 3,
  SIGINT: 130,
  SIGTERM: 143
} as const

/** What a run needs of the world: the process's streams, environment and signals, time, the wire. */
export interface CliWorld extends StepWorld {
  env: Record<string, string | undefined>
  stdout(text: string): void
  stderr(text: string): void
  writeFile(path: string, text: string): void
  /** Git in the working directory, for a run outside any CI */
  git: GitLookup
  /** the signal that cancelled the run, once one has */
  cancelledBy(): 'SIGINT' | 'SIGTERM' | undefined
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
    outputs = new OutputSink(options.format, options.outputFile, {
      stdout: world.stdout,
      writeFile: world.writeFile,
      redact: text => redactor.redact(text),
      warning: log.warning,
      error: log.error
    })
    options.warnings.forEach(log.warning)
    const settings = readSettings(settingSources(options, world, redactor))
    log.info(describeTarget(settings))
    if (!settings.image.image) {
      log.notice('No image found (--image, --build-outputs): the body has no "image" key.')
    }

    const client = harnessClient(settings, world, redactor, log)
    const accepted = await fireTrigger(client, settings)
    outputs.add(acceptedOutputs(accepted))
    log.info(`Harness accepted the trigger: event ${accepted.eventCorrelationId}`)
    if (!settings.wait) {
      code = cancelledCode(world) ?? ExitCode.Ok
    } else {
      const sink = outputs
      const result = await followPipeline(client, settings, accepted, world, log, started =>
        sink.add(started)
      )
      const settled = await settle(settings, accepted, result, world, redactor, log)
      outputs.add(resultOutputs(result))
      log[result.outcome === 'passed' ? 'info' : 'error'](endLine(result, settled))
      code = exitCodeOf(result, world)
    }
  } catch (error) {
    log.error(failureText(error))
    code = exitCodeOfFailure(error, world)
  }
  const written = outputs?.finish() ?? true
  return written || code !== ExitCode.Ok ? code : ExitCode.Failed
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

/** The wait's own sentence, and for an abort, whether Harness took it. */
function endLine(result: WaitResult, settled: Settled): string {
  if (!settled.abortSent) return result.message
  const abort = settled.abortAccepted ? 'the abort was accepted' : 'the abort failed'
  return `${result.message.replace(/[.\s]+$/, '')}; ${abort}.`
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
  return error instanceof Error ? error.message : String(error)
}
