import { isRecord, textField } from './envelope.js'

/**
 * Harness answers whose meaning is known, as values: each front end (through core's advice) says
 * what to do about them. Recognised by Harness's own texts and codes, read in its source.
 */
export type KnownAnswer =
  /** the v2/v1 webhook URL of a trigger made since v3 URLs exist (TriggerWebhookValidator) */
  | { kind: 'webhook-url-retired' }
  /** a Git-stored pipeline whose branch expression did not resolve (TriggerExecutionHelper) */
  | { kind: 'branch-unresolved' }
  /** a 403 on abort; `permission` is the one Harness checked (core_pipeline_abort or _execute) */
  | { kind: 'abort-denied'; permission: string }

const RETIRED_URL = /no longer supported for newly created custom webhook triggers/i
/** resolveBranchExpression's message, and getPipelineEntityToExecute's for an empty branch name */
const BRANCH_UNRESOLVED = /has the right branch information|missing or empty pipelineBranchName/i
const EXECUTE_PERMISSION = 'core_pipeline_execute'

/** A 400 whose message is TriggerWebhookValidator's retirement of the v2/v1 URL. */
export function retiredWebhookUrl(status: number, message: string | undefined): boolean {
  return status === 400 && RETIRED_URL.test(message ?? '')
}

/** An event that ended INVALID_RUNTIME_INPUT_YAML because the pipeline's branch did not resolve. */
export function isBranchUnresolved(
  status: string | undefined,
  message: string | undefined
): boolean {
  return status === 'INVALID_RUNTIME_INPUT_YAML' && BRANCH_UNRESOLVED.test(message ?? '')
}

/**
 * The permission a 403 names: `failedPermissionChecks[0].permission` of an AccessDeniedErrorDTO,
 * else the "Missing permission <name>" of its message, else execute (what Harness checks without
 * the abort permission flag).
 */
export function deniedPermission(body: string): string {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return EXECUTE_PERMISSION
  }
  if (!isRecord(parsed)) return EXECUTE_PERMISSION
  const checks = Array.isArray(parsed.failedPermissionChecks) ? parsed.failedPermissionChecks : []
  const checked = checks.find(isRecord)
  const named = textField(checked?.permission)
  if (named && /^core_[a-z_]+$/.test(named)) return named
  const said = /Missing permission (core_[a-z_]+)/.exec(textField(parsed.message) ?? '')
  return said?.[1] ?? EXECUTE_PERMISSION
}
