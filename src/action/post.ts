import { Redactor } from '../core/redactor.js'
import { HarnessClient } from '../harness/client.js'
import { normalizeHarnessUrl } from '../harness/urls.js'
import { abortExecution } from '../core/settle.js'
import { Inputs } from './inputs.js'
import { processRuntime } from './process-runtime.js'
import type { Runtime } from './runtime.js'
import { States, parsePendingAbort } from './state.js'

/**
 * The post phase: when the main phase was stopped (cancelled, killed) while it watched an
 * execution, abort that execution. Its own failures are warnings, never a failed job.
 */
export async function run(runtime: Runtime = processRuntime()): Promise<void> {
  const { core } = runtime
  const pending = parsePendingAbort(core.getState(States.PendingAbort))
  if (!pending) return
  const redactor = new Redactor(secret => core.setSecret(secret))
  const apiKey = core.getInput(Inputs.ApiKey).trim()
  redactor.add(apiKey)
  try {
    const client = new HarnessClient({
      endpoint: normalizeHarnessUrl(pending.gateway),
      apiKey: apiKey || undefined,
      redactor,
      send: runtime.send,
      requestTimeoutMs: 5000
    })
    core.info(`The main step did not see execution ${pending.executionId} finish: aborting it.`)
    const done = await abortExecution(client, pending, pending.executionId, line =>
      core.info(redactor.redact(line))
    )
    if (!done) core.warning(`Execution ${pending.executionId} may still be running in Harness.`)
  } catch (error) {
    core.warning(redactor.redact(error instanceof Error ? error.message : String(error)))
  }
}
