import { Outputs, type OutputName } from '../core/names.js'
import type { Redactor } from '../core/redactor.js'
import type { WaitResult } from '../core/wait.js'
import type { WebhookAccepted } from '../harness/client.js'
import type { ActionsCore } from './runtime.js'

export type OutputValues = Partial<Record<OutputName, string>>

/** The outputs an accepted trigger gives: final as soon as Harness has answered. */
export function acceptedOutputs(accepted: WebhookAccepted): OutputValues {
  return {
    [Outputs.EventCorrelationId]: accepted.eventCorrelationId,
    [Outputs.UiUrl]: accepted.uiUrl,
    [Outputs.ApiUrl]: accepted.apiUrl,
    [Outputs.UiSetupUrl]: accepted.uiSetupUrl
  }
}

/** The outputs of the wait, once it has ended and been settled: what is known, nothing else. */
export function waitOutputs(result: WaitResult): OutputValues {
  return {
    [Outputs.WebhookStatus]: result.webhookStatus,
    [Outputs.ExecutionId]: result.executionId,
    [Outputs.ExecutionUrl]: result.executionUrl,
    [Outputs.Status]: result.status
  }
}

/** Writes each known output once, redacted. Called once per group, with final values only. */
export function writeOutputs(core: ActionsCore, redactor: Redactor, values: OutputValues): void {
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) core.setOutput(name, redactor.redact(value))
  }
}
